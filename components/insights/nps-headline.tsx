import { Card } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { Change, Figure } from '@/lib/insights/dashboard';
import { formatNps } from '@/lib/nps';
import { CategorySplit } from './category-split';
import { dayLabel, intervalText, npsText } from './format';

/** The comparison line: the other period, the difference and whether it is more than noise. */
function ChangeLine({
  comparison,
  locale,
}: {
  comparison: { from: string; to: string; summary: Figure; change: Change };
  locale: TLocale;
}) {
  const t = messages(locale).insights.headline;
  const { change, summary } = comparison;
  const verdict = !change.comparable ? t.notComparable : change.significant ? t.significant : t.noise;
  return (
    <div className="mt-2 space-y-1 text-sm">
      <p className="text-zinc-700">
        {fill(t.compared, {
          from: dayLabel(comparison.from, locale),
          to: dayLabel(comparison.to, locale),
          nps: summary.enough ? npsText(summary, locale) : t.tooFew,
          n: formatNumber(summary.n, locale),
        })}
      </p>
      <p>
        {change.comparable && change.difference !== null && (
          <span className="mr-2 tabular-nums">{fill(t.change, { diff: formatNps(change.difference)! })}</span>
        )}
        <span
          data-testid="nps-change"
          data-significant={change.significant ? 'true' : 'false'}
          className={cn(
            'rounded-full px-2 py-0.5 text-xs font-medium',
            change.significant ? 'bg-amber-100 text-amber-900' : 'bg-zinc-100 text-zinc-700',
          )}
        >
          {verdict}
        </span>
      </p>
      <p className="text-xs text-zinc-600">{t.method}</p>
    </div>
  );
}

/** The period's NPS, always with n and the 95 % interval; below the minimum n no score at all. */
export function NpsHeadline({
  summary,
  rolling90,
  comparison,
  minN,
  period,
  locale,
}: {
  summary: Figure;
  rolling90: Figure;
  comparison: { from: string; to: string; summary: Figure; change: Change } | null;
  minN: number;
  period: { from: string; to: string };
  locale: TLocale;
}) {
  const t = messages(locale).insights;
  const interval = summary.enough ? intervalText(summary, locale) : null;
  const tone =
    summary.nps === null || !summary.enough
      ? 'text-zinc-500'
      : summary.nps > 0
        ? 'text-promoter'
        : summary.nps < 0
          ? 'text-detractor'
          : 'text-zinc-900';
  return (
    <Card aria-labelledby="nps-headline-title">
      <div className="flex flex-col gap-6 md:flex-row md:items-start">
        <div className="shrink-0">
          <h2 id="nps-headline-title" className="text-sm font-medium text-zinc-600">
            {t.headline.title}
          </h2>
          <p className="text-xs text-zinc-600">
            {fill(t.filter.period, { from: dayLabel(period.from, locale), to: dayLabel(period.to, locale) })}
          </p>
          <p
            data-testid="nps-value"
            className={cn(
              'mt-2 font-bold tabular-nums tracking-tight',
              summary.nps === null || !summary.enough ? 'text-3xl' : 'text-6xl',
              tone,
            )}
          >
            {summary.n > 0 && !summary.enough ? t.headline.tooFew : npsText(summary, locale)}
          </p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-zinc-700">
            <span data-testid="nps-n" className="font-medium tabular-nums">
              {fill(t.headline.n, { n: formatNumber(summary.n, locale) })}
            </span>
            {interval && (
              <span data-testid="nps-interval" className="tabular-nums">
                {interval}
              </span>
            )}
          </p>
          {summary.n > 0 && !summary.enough && (
            <p className="mt-1 text-xs text-zinc-600">{fill(t.headline.tooFewHelp, { min: minN })}</p>
          )}
          <p data-testid="nps-rolling" className="mt-2 text-sm text-zinc-700">
            {fill(t.headline.rolling90, {
              to: dayLabel(period.to, locale),
              nps: rolling90.enough
                ? `${npsText(rolling90, locale)} (${fill(t.headline.n, { n: formatNumber(rolling90.n, locale) })}, ${rangeOrEmpty(rolling90, locale)})`
                : `${t.headline.tooFew} (${fill(t.headline.n, { n: formatNumber(rolling90.n, locale) })})`,
            })}
          </p>
          {comparison && <ChangeLine comparison={comparison} locale={locale} />}
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          {summary.n === 0 ? (
            <p className="text-sm text-zinc-600">{t.headline.noAnswers}</p>
          ) : (
            <>
              <CategorySplit summary={summary} locale={locale} />
              <p className="text-xs text-zinc-600">{t.headline.intervalHelp}</p>
            </>
          )}
        </div>
      </div>
    </Card>
  );
}

function rangeOrEmpty(f: Figure, locale: TLocale) {
  return intervalText(f, locale) ?? '';
}
