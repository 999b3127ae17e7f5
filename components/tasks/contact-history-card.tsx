import { Card, CardTitle } from '@/components/ui/card';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';

export interface ContactRow {
  id: string;
  kind: 'EMAIL' | 'CALL' | 'MEETING';
  subject: string | null;
  body: string;
  toEmail: string | null;
  state: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | null;
  failureReason: string | null;
  at: Date;
  author: string | null;
}

/** "Customer contacted" and "closed" as two timed moments, and every contact with its delivery state. */
export function ContactHistoryCard({
  contacts,
  contactedAt,
  closedAt,
  shares,
  timeZone,
  locale,
}: {
  contacts: ContactRow[];
  contactedAt: Date | null;
  closedAt: Date | null;
  shares: { id: string; names: string[]; at: Date }[];
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale).reply;
  const when = (d: Date | null) => (d ? formatDate(d, locale, timeZone, true) : t.history.notYet);
  return (
    <Card aria-labelledby="contacts-title">
      <CardTitle>
        <span id="contacts-title">{t.history.title}</span>
      </CardTitle>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-zinc-600">{t.history.contactedAt}</dt>
        <dd data-testid="task-contacted-at">{when(contactedAt)}</dd>
        <dt className="text-zinc-600">{t.history.closedAt}</dt>
        <dd data-testid="task-closed-at">{when(closedAt)}</dd>
      </dl>
      {contacts.length === 0 ? (
        <p className="text-sm text-zinc-500">{t.history.empty}</p>
      ) : (
        <ol className="space-y-3">
          {contacts.map((c) => (
            <li key={c.id} className="text-sm" data-testid="customer-contact">
              <p className="font-medium text-zinc-900">
                {t.log.kinds[c.kind]}
                {c.subject ? `: ${c.subject}` : ''}
                {c.state && (
                  <span className="ml-2 font-normal text-zinc-600" data-testid="reply-state">
                    (
                    {c.state === 'FAILED' && c.failureReason
                      ? fill(t.history.failed, { reason: c.failureReason })
                      : t.history.states[c.state]}
                    )
                  </span>
                )}
              </p>
              <p className="whitespace-pre-line text-zinc-700">{c.body}</p>
              <p className="text-xs text-zinc-600">
                {formatDate(c.at, locale, timeZone, true)}
                {c.author ? ` · ${fill(t.history.by, { name: c.author })}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      {shares.length > 0 && (
        <ul className="mt-4 space-y-1 text-sm text-zinc-700">
          {shares.map((s) => (
            <li key={s.id}>
              {fill(t.praise.sharedWith, { names: s.names.join(', ') })} ·{' '}
              <span className="text-xs text-zinc-600">{formatDate(s.at, locale, timeZone, true)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
