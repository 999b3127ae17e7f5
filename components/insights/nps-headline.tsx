import { Card } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { NpsSummary } from '@/lib/nps';
import { CategorySplit } from './category-split';
import { dayLabel, intervalText, npsText } from './format';

/** The period's NPS, always with n and the 95 % interval beside it so nobody acts on noise. */
export function NpsHeadline({
  summary,
  period,
  locale,
}: {
  summary: NpsSummary;
  period: { from: string; to: string };
  locale: TLocale;
}) {
  const t = messages(locale).insights;
  const interval = intervalText(summary, locale);
  const tone =
    summary.nps === null
      ? 'text-zinc-500'
      : summary.nps > 0
        ? 'text-promoter'
        : summary.nps < 0
          ? 'text-detractor'
          : 'text-zinc-900';
  return (
    <Card aria-labelledby="nps-headline-title">
      <div className="flex flex-col gap-6 md:flex-row md:items-center">
        <div className="shrink-0">
          <h2 id="nps-headline-title" className="text-sm font-medium text-zinc-600">
            {t.headline.title}
          </h2>
          <p className="text-xs text-zinc-500">
            {fill(t.filter.period, { from: dayLabel(period.from, locale), to: dayLabel(period.to, locale) })}
          </p>
          <p
            data-testid="nps-value"
            className={cn(
              'mt-2 font-bold tabular-nums tracking-tight',
              summary.nps === null ? 'text-3xl' : 'text-6xl',
              tone,
            )}
          >
            {npsText(summary, locale)}
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
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          {summary.n === 0 ? (
            <p className="text-sm text-zinc-600">{t.headline.noAnswers}</p>
          ) : (
            <>
              <CategorySplit summary={summary} locale={locale} />
              <p className="text-xs text-zinc-500">{t.headline.intervalHelp}</p>
            </>
          )}
        </div>
      </div>
    </Card>
  );
}
