import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';
import { skipReasonText, type RuleFigures, type TAnySkipReason } from './skip-reason';

type TStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

export interface InvitationRow {
  id: string;
  status: TStatus;
  skipReason: TAnySkipReason | null;
  failureReason: string | null;
  sentAt: Date | null;
  respondedAt: Date | null;
  contact: { email: string; name: string | null; company: { name: string } | null };
}

const TONE: Record<TStatus, string> = {
  PENDING: 'bg-sky-100 text-sky-800',
  SENDING: 'bg-sky-100 text-sky-800',
  SENT: 'bg-green-100 text-green-800',
  FAILED: 'bg-red-100 text-red-800',
  SKIPPED: 'bg-zinc-100 text-zinc-700',
};

const dash = <span className="text-zinc-500">–</span>;

/** Every invitation of one send: who, what happened, and why in words. */
export function InvitationTable({
  locale,
  timeZone,
  rules,
  rows,
}: {
  locale: TLocale;
  timeZone: string;
  rules: RuleFigures;
  rows: InvitationRow[];
}) {
  const t = messages(locale).surveys.sendDetail;

  const reason = (r: InvitationRow) => {
    if (r.status === 'SKIPPED' && r.skipReason)
      return <span>{skipReasonText(locale, r.skipReason, rules)}</span>;
    // The SMTP text is technical and English; it follows our own words, small, for whoever debugs it.
    if (r.failureReason && (r.status === 'FAILED' || r.status === 'PENDING'))
      return (
        <span className="block">
          {r.status === 'FAILED' ? t.failed : t.retrying}
          <span className="mt-0.5 block break-all text-xs text-zinc-500">
            {fill(t.technical, { detail: r.failureReason })}
          </span>
        </span>
      );
    return dash;
  };

  return (
    <Table className="min-w-[52rem]" label={t.description}>
      <thead>
        <tr>
          <Th>{t.cols.contact}</Th>
          <Th>{t.cols.company}</Th>
          <Th>{t.cols.status}</Th>
          <Th>{t.cols.reason}</Th>
          <Th>{t.cols.sentAt}</Th>
          <Th>{t.cols.respondedAt}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-zinc-50">
            <Td>
              {r.contact.name && <span className="block font-medium text-zinc-900">{r.contact.name}</span>}
              <span className="block break-all text-zinc-600">{r.contact.email}</span>
            </Td>
            <Td>{r.contact.company?.name ?? dash}</Td>
            <Td>
              <Badge className={TONE[r.status]}>{t.status[r.status]}</Badge>
            </Td>
            <Td className="max-w-64">{reason(r)}</Td>
            <Td className="whitespace-nowrap">
              {r.sentAt ? formatDate(r.sentAt, locale, timeZone, true) : dash}
            </Td>
            <Td className="whitespace-nowrap">
              {r.respondedAt ? formatDate(r.respondedAt, locale, timeZone, true) : dash}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
