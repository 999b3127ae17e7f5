import Link from 'next/link';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate, formatNumber, messages, type TLocale } from '@/lib/i18n';

export interface DistributionRow {
  id: string;
  createdAt: Date;
  by: string | null;
  status: 'CREATING' | 'SENDING' | 'PAUSED';
  prepared: boolean;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
}

const COUNTS = ['queued', 'sent', 'failed', 'skipped'] as const;
const LABEL = { queued: 'pending', sent: 'sent', failed: 'failed', skipped: 'skipped' } as const;

/** Earlier sends of one survey with their outcome; the date opens the invitations of that send. */
export function DistributionList({
  locale,
  timeZone,
  surveyId,
  rows,
}: {
  locale: TLocale;
  timeZone: string;
  surveyId: string;
  rows: DistributionRow[];
}) {
  const t = messages(locale).surveys.sends;
  const progress = messages(locale).surveys.sendDetail.progress;
  return (
    <Card aria-labelledby="sends-title">
      <CardTitle>
        <span id="sends-title">{t.title}</span>
      </CardTitle>
      {rows.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <>
          <Table className="min-w-[44rem]" label={t.title}>
            <thead>
              <tr>
                <Th>{t.cols.date}</Th>
                <Th>{t.cols.by}</Th>
                <Th>{t.cols.status}</Th>
                {COUNTS.map((k) => (
                  <Th key={k} className="text-right">
                    {t.cols[LABEL[k]]}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} className="hover:bg-zinc-50">
                  <Td>
                    <Link
                      href={`/surveys/${surveyId}/sends/${d.id}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {formatDate(d.createdAt, locale, timeZone, true)}
                    </Link>
                  </Td>
                  <Td>{d.by ?? t.unknownSender}</Td>
                  <Td>
                    {
                      progress.status[
                        d.prepared && d.queued === 0 && d.status !== 'PAUSED' ? 'DONE' : d.status
                      ]
                    }
                  </Td>
                  {COUNTS.map((k) => (
                    <Td
                      key={k}
                      className={
                        d[k] > 0 && (k === 'failed' || k === 'skipped')
                          ? 'text-right font-semibold tabular-nums'
                          : 'text-right tabular-nums'
                      }
                    >
                      {formatNumber(d[k], locale)}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
          {rows.length >= 50 && <p className="mt-2 text-xs text-zinc-500">{t.capped}</p>}
        </>
      )}
    </Card>
  );
}
