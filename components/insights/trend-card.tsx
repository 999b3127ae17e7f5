import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { Figure } from '@/lib/insights/dashboard';
import { intervalText, npsText, rangeText } from './format';
import { TrendChart, type TrendPoint } from './trend-chart';

type Point = Figure & { key: string; label: string; rolling: Figure };

/**
 * The trend per week, month or quarter: a chart plus the same figures as a table (the chart's text
 * alternative). Points below the minimum n are greyed and get no score.
 */
export function TrendCard({ trend, minN, locale }: { trend: Point[]; minN: number; locale: TLocale }) {
  const t = messages(locale).insights.trend;
  const nText = (n: number) => fill(messages(locale).insights.headline.n, { n: formatNumber(n, locale) });
  const points: TrendPoint[] = trend.map((s) => ({
    label: s.label,
    nps: s.enough ? s.nps : null,
    band: s.enough && s.low !== null && s.high !== null ? [s.low, s.high] : null,
    n: s.n,
    lowN: s.n > 0 && !s.enough,
    rolling: s.rolling.enough ? s.rolling.nps : null,
    npsText: npsText(s, locale),
    intervalText: s.enough ? intervalText(s, locale) : null,
    nText: nText(s.n),
  }));
  const empty = trend.every((p) => p.n === 0);

  return (
    <Card aria-labelledby="trend-title">
      <CardTitle>
        <span id="trend-title">{t.title}</span>
      </CardTitle>
      {empty ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <>
          <TrendChart
            points={points}
            texts={{ nps: t.nps, interval: t.interval, rolling: t.rolling, tooFew: t.tooFew }}
          />
          <p className="mt-1 text-xs text-zinc-600">
            {t.gapsHint} {fill(t.tooFewHint, { min: minN })}
          </p>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t.tableSummary}</summary>
            <Table className="mt-2 min-w-[24rem]" label={t.title}>
              <caption className="sr-only">{t.title}</caption>
              <thead>
                <tr>
                  <Th>{t.month}</Th>
                  <Th className="text-right">{t.n}</Th>
                  <Th className="text-right">{t.nps}</Th>
                  <Th>{t.interval}</Th>
                  <Th className="text-right">{t.rolling}</Th>
                </tr>
              </thead>
              <tbody>
                {trend.map((s) => (
                  <tr
                    key={s.key}
                    data-low-n={s.n > 0 && !s.enough ? 'true' : undefined}
                    className={s.enough ? undefined : 'text-zinc-500'}
                  >
                    <Th scope="row" className="border-zinc-100 text-sm font-normal normal-case text-zinc-900">
                      {s.label}
                    </Th>
                    <Td className="text-right tabular-nums">{formatNumber(s.n, locale)}</Td>
                    {s.n > 0 && !s.enough ? (
                      <Td colSpan={2} className="italic text-zinc-600">
                        {t.tooFew}
                      </Td>
                    ) : (
                      <>
                        <Td className="text-right tabular-nums">{npsText(s, locale)}</Td>
                        <Td className="tabular-nums">{rangeText(s, locale) ?? '–'}</Td>
                      </>
                    )}
                    <Td className="text-right tabular-nums">
                      {s.rolling.enough ? npsText(s.rolling, locale) : t.tooFew}
                    </Td>
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
