import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { Figure } from '@/lib/insights/dashboard';
import { MiniSplit } from './category-split';
import { npsText, rangeText } from './format';

export interface BreakdownRow {
  key: string;
  label: string;
  /** The journey phase in words, for the touchpoint breakdown. */
  phase?: string;
  summary: Figure;
}

/** NPS per group (touchpoint, phase, business unit), each with n, interval and split. */
export function BreakdownTable({
  id,
  title,
  firstColumn,
  rows,
  showPhase = false,
  locale,
}: {
  id: string;
  title: string;
  firstColumn: string;
  rows: BreakdownRow[];
  showPhase?: boolean;
  locale: TLocale;
}) {
  const t = messages(locale).insights.breakdown;
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardTitle>
        <span id={`${id}-title`}>{title}</span>
      </CardTitle>
      {rows.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <Table className={showPhase ? 'min-w-[40rem]' : 'min-w-[32rem]'} label={title}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <Th>{firstColumn}</Th>
              {showPhase && <Th>{t.phase}</Th>}
              <Th className="text-right">{t.n}</Th>
              <Th className="text-right">{t.nps}</Th>
              <Th>{t.interval}</Th>
              <Th>{t.split}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.summary.enough ? undefined : 'text-zinc-500'}>
                <Th scope="row" className="border-zinc-100 text-sm font-medium normal-case text-zinc-900">
                  {r.label}
                </Th>
                {showPhase && <Td>{r.phase}</Td>}
                <Td className="text-right tabular-nums">{formatNumber(r.summary.n, locale)}</Td>
                {r.summary.enough ? (
                  <>
                    <Td className="text-right font-semibold tabular-nums">{npsText(r.summary, locale)}</Td>
                    <Td className="whitespace-nowrap tabular-nums text-zinc-600">
                      {rangeText(r.summary, locale) ?? '–'}
                    </Td>
                    <Td className="align-middle">
                      <MiniSplit summary={r.summary} locale={locale} />
                    </Td>
                  </>
                ) : (
                  <Td colSpan={3} className="text-zinc-600 italic" data-testid="too-few">
                    {t.tooFew}
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
