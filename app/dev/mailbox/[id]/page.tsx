import Link from 'next/link';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { formatDate, messages } from '@/lib/i18n';
import { orNotFound } from '@/lib/http/not-found';
import { currentContext } from '@/lib/http/session';
import { getMail } from '@/lib/mail/mailbox';

export const dynamic = 'force-dynamic';

export default async function MailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale } = await currentContext();
  const mail = await orNotFound(getMail(id));
  const t = messages(locale).common.devMailbox;
  const notice = messages(locale).auth.devMailboxNotice;
  const links = [...new Set(mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <div className="flex items-center justify-between gap-4">
        <Link href="/dev/mailbox" className="text-sm text-brand-700 underline">
          ← {t.back}
        </Link>
        <LanguageSwitch locale={locale} back={`/dev/mailbox/${id}`} />
      </div>
      <p
        role="note"
        className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        {notice}
      </p>
      <h1 className="mt-3 text-xl font-semibold">{mail.subject}</h1>
      <p className="mb-4 text-xs text-zinc-500">
        {t.to} {mail.to.join(', ')} · {formatDate(new Date(mail.receivedAt), locale, undefined, true)}
      </p>
      {links.length > 0 && (
        <section className="mb-4 rounded border border-zinc-200 bg-white p-3">
          <h2 className="mb-2 text-sm font-semibold">{t.links}</h2>
          <ul className="space-y-1 text-sm">
            {links.map((l) => (
              <li key={l} className="break-all">
                <a href={l} className="text-brand-700 underline">
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mail.html ? (
        <iframe
          title={mail.subject}
          srcDoc={mail.html}
          sandbox="allow-popups allow-top-navigation-by-user-activation"
          className="h-[640px] w-full rounded border border-zinc-200 bg-white"
        />
      ) : (
        <pre className="whitespace-pre-wrap rounded border border-zinc-200 bg-white p-3 text-sm">
          {mail.text}
        </pre>
      )}
    </main>
  );
}
