import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { NpsSummary } from '@/lib/nps';
import { intervalText, monthLabel, monthsBetween, npsText, rangeText } from './format';
import { TrendChart, type TrendPoint } from './trend-chart';

type Month = NpsSummary & { month: string };

/** The monthly trend: a chart plus the same figures as a table (the chart's text alternative). */
export function TrendCard({
  trend,
  period,
  locale,
}: {
  trend: Month[];
  period: { from: string; to: string };
  locale: TLocale;
}) {
  const t = messages(locale).insights.trend;
  const byMonth = new Map(trend.map((m) => [m.month, m]));
  const rows = monthsBetween(period.from, period.to).map((month) => ({
    month,
    label: monthLabel(month, locale),
    s: byMonth.get(month),
  }));
  const points: TrendPoint[] = rows.map(({ label, s }) => ({
    label,
    nps: s?.nps ?? null,
    band: s && s.low !== null && s.high !== null ? [s.low, s.high] : null,
    n: s?.n ?? 0,
    npsText: npsText({ nps: s?.nps ?? null }, locale),
    intervalText: s ? intervalText(s, locale) : null,
    nText: fill(messages(locale).insights.headline.n, { n: formatNumber(s?.n ?? 0, locale) }),
  }));

  return (
    <Card aria-labelledby="trend-title">
      <CardTitle>
        <span id="trend-title">{t.title}</span>
      </CardTitle>
      {trend.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <>
          <TrendChart points={points} texts={{ nps: t.nps, interval: t.interval }} />
          <p className="mt-1 text-xs text-zinc-500">{t.gapsHint}</p>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.tableSummary}</summary>
            <Table className="mt-2 min-w-[20rem]" label={t.title}>
              <caption className="sr-only">{t.title}</caption>
              <thead>
                <tr>
                  <Th>{t.month}</Th>
                  <Th className="text-right">{t.n}</Th>
                  <Th className="text-right">{t.nps}</Th>
                  <Th>{t.interval}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ month, label, s }) => (
                  <tr key={month}>
                    <Th scope="row" className="border-zinc-100 text-sm font-normal normal-case text-zinc-900">
                      {label}
                    </Th>
                    <Td className="text-right tabular-nums">{formatNumber(s?.n ?? 0, locale)}</Td>
                    <Td className="text-right tabular-nums">{npsText({ nps: s?.nps ?? null }, locale)}</Td>
                    <Td className="tabular-nums">{s ? rangeText(s, locale) : '–'}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </details>
        </>
      )}
    </Card>
  );
}
