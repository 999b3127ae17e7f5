import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { env } from '@/lib/env';
import { messages } from '@/lib/i18n';
import { currentContext } from '@/lib/http/session';

export default async function CheckEmailPage() {
  const { locale } = await currentContext();
  const t = messages(locale);
  return (
    <AuthCard locale={locale} back="/signin/check" title={t.auth.checkTitle}>
      <p className="text-sm text-zinc-600">{t.auth.checkBody}</p>
      {env().DEMO_MODE && (
        <p className="mt-4 text-sm">
          <Link href="/dev/mailbox" className="text-brand-700 underline">
            {t.common.nav.mailbox}
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
