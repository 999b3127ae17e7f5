import Link from 'next/link';
import { LanguageSwitch } from '@/components/i18n/language-switch';
import { formatDate, messages } from '@/lib/i18n';
import { orNotFound } from '@/lib/http/not-found';
import { currentContext } from '@/lib/http/session';
import { listMailbox } from '@/lib/mail/mailbox';

export const dynamic = 'force-dynamic';

/** Demo mode only (404 otherwise): what the embedded SMTP sink received, newest first. */
export default async function MailboxPage() {
  const { locale } = await currentContext();
  const mails = await orNotFound(listMailbox());
  const t = messages(locale).common.devMailbox;
  const notice = messages(locale).auth.devMailboxNotice;
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{messages(locale).common.nav.mailbox}</h1>
        <div className="flex items-center gap-4">
          <LanguageSwitch locale={locale} back="/dev/mailbox" />
          <Link href="/" className="text-sm text-brand-700 underline">
            Kringloop
          </Link>
        </div>
      </div>
      <p
        role="note"
        className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        {notice}
      </p>
      <p className="mb-4 text-sm text-zinc-600">{t.intro}</p>
      {mails.length === 0 ? (
        <p className="rounded border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500">
          {t.empty}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded border border-zinc-200 bg-white">
          {mails.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mailbox/${m.id}`} className="block px-4 py-3 hover:bg-zinc-50">
                <span className="block font-medium">{m.subject}</span>
                <span className="block text-xs text-zinc-500">
                  {t.to} {m.to.join(', ')} · {formatDate(new Date(m.receivedAt), locale, undefined, true)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
