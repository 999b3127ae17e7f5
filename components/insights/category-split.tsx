import { cn } from '@/lib/cn';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { NpsSummary, TCategory } from '@/lib/nps';
import { formatPercent } from './format';

// Left to right like the 0-10 scale: detractors, passives, promoters.
const PARTS: {
  category: TCategory;
  key: 'detractors' | 'passives' | 'promoters';
  bg: string;
  text: string;
}[] = [
  { category: 'DETRACTOR', key: 'detractors', bg: 'bg-detractor', text: 'text-detractor' },
  { category: 'PASSIVE', key: 'passives', bg: 'bg-passive', text: 'text-passive' },
  { category: 'PROMOTER', key: 'promoters', bg: 'bg-promoter', text: 'text-promoter' },
];

function items(summary: NpsSummary, locale: TLocale) {
  const t = messages(locale);
  return PARTS.map((p) => {
    const share = summary.share?.[p.key] ?? 0;
    const label = t.common.categoriesPlural[p.category];
    const text = fill(t.insights.split.item, {
      label,
      count: formatNumber(summary[p.key], locale),
      pct: formatPercent(share, locale),
    });
    return { ...p, share, label, text };
  });
}

/** The split as a stacked bar in plain HTML; the bar is decoration, the words carry the numbers. */
function Bar({ parts, className }: { parts: ReturnType<typeof items>; className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('flex h-3 w-full overflow-hidden rounded-full bg-zinc-100', className)}
    >
      {parts.map((p) =>
        p.share > 0 ? <div key={p.key} className={p.bg} style={{ width: `${p.share * 100}%` }} /> : null,
      )}
    </div>
  );
}

/** Bar with a legend of counts and percentages, for the headline. */
export function CategorySplit({ summary, locale }: { summary: NpsSummary; locale: TLocale }) {
  if (summary.n === 0) return null;
  const parts = items(summary, locale);
  return (
    <div>
      <h3 className="sr-only">{messages(locale).insights.split.title}</h3>
      <Bar parts={parts} className="h-4" />
      <ul className="mt-2 flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:gap-x-4">
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-2">
            <span aria-hidden="true" className={cn('inline-block size-3 rounded-sm', p.bg)} />
            <span className={cn('font-medium', p.text)}>{p.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A small bar for table cells; screen readers get the same figures as text. `relative` keeps that
 * visually hidden text inside the table's scroll box, or it would widen the page on a phone.
 */
export function MiniSplit({ summary, locale }: { summary: NpsSummary; locale: TLocale }) {
  if (summary.n === 0) return null;
  const parts = items(summary, locale);
  const text = parts.map((p) => p.text).join(', ');
  return (
    <div title={text} className="relative w-28">
      <Bar parts={parts} className="h-2.5" />
      <span className="sr-only">{text}</span>
    </div>
  );
}
