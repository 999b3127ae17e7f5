import Link from 'next/link';
import { Card, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { formatPercent } from './format';

export interface LoopStats {
  total: number;
  open: number;
  overdue: number;
  done: number;
  doneInTime: number;
}

/** The health of the loop itself: how many answers got a follow-up, and how fast. */
export function LoopHealth({
  loop,
  tasksHref,
  locale,
}: {
  loop: LoopStats;
  tasksHref: string;
  locale: TLocale;
}) {
  const t = messages(locale);
  const l = t.insights.loop;
  const stat = (label: string, value: string, className?: string, sub?: string) => (
    <div className="rounded-md bg-zinc-50 p-3">
      <dt className="text-xs font-medium text-zinc-600">{label}</dt>
      <dd className={cn('text-2xl font-semibold tabular-nums', className)}>{value}</dd>
      {sub && <dd className="text-xs text-zinc-500">{sub}</dd>}
    </div>
  );
  return (
    <Card aria-labelledby="loop-title">
      <CardTitle
        action={
          <Link href={tasksHref} className="text-sm font-medium text-brand-700 underline">
            {l.viewTasks}
          </Link>
        }
      >
        <span id="loop-title">{l.title}</span>
      </CardTitle>
      <p className="mb-3 text-sm text-zinc-600">{l.description}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stat(l.total, formatNumber(loop.total, locale))}
        {stat(l.open, formatNumber(loop.open, locale))}
        {stat(l.overdue, formatNumber(loop.overdue, locale), loop.overdue > 0 ? 'text-detractor' : undefined)}
        {stat(l.done, formatNumber(loop.done, locale))}
        {stat(
          l.inTime,
          loop.done === 0 ? t.common.states.noData : formatPercent(loop.doneInTime / loop.done, locale),
          loop.done === 0 ? 'text-base text-zinc-500' : undefined,
          loop.done === 0
            ? undefined
            : fill(l.inTimeOf, {
                count: formatNumber(loop.doneInTime, locale),
                done: formatNumber(loop.done, locale),
              }),
        )}
      </dl>
    </Card>
  );
}
