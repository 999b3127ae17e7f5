import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import type { TLocale } from '@/lib/i18n';

/** The frame of the signed-out pages: brand, language switch, one card. */
export function AuthCard({
  locale,
  back,
  title,
  children,
}: {
  locale: TLocale;
  back: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <span className="text-xl font-semibold text-brand-700">Kringloop</span>
        <LanguageSwitch locale={locale} back={back} />
      </div>
      <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 className="mb-3 text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
