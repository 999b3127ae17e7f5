import { Badge } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';

export type TTaskStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE';

const TONE: Record<TTaskStatus, string> = {
  OPEN: 'bg-sky-100 text-sky-900',
  IN_PROGRESS: 'bg-violet-100 text-violet-900',
  DONE: 'bg-zinc-100 text-zinc-700',
};

export function StatusBadge({ status, locale }: { status: TTaskStatus; locale: TLocale }) {
  return <Badge className={TONE[status]}>{messages(locale).tasks.status[status]}</Badge>;
}

export function ReopenedBadge({ locale }: { locale: TLocale }) {
  return <Badge className="bg-amber-100 text-amber-900">{messages(locale).tasks.reopened}</Badge>;
}

export function OverdueBadge({ locale }: { locale: TLocale }) {
  return <Badge className="bg-red-700 text-white">{messages(locale).tasks.overdue}</Badge>;
}

/** "Due 25 Nov 2026" (red when overdue) or, for a closed task, when it was closed. */
export function DueText({
  dueAt,
  closedAt,
  overdue,
  timeZone,
  locale,
  className,
  plain = false,
}: {
  /** Only the date, for places that already say "Due". */
  plain?: boolean;
  dueAt: Date;
  closedAt: Date | null;
  overdue: boolean;
  timeZone: string;
  locale: TLocale;
  className?: string;
}) {
  const t = messages(locale).tasks.queue;
  if (closedAt)
    return (
      <span className={cn('text-zinc-500', className)}>
        {fill(t.closed, { date: formatDate(closedAt, locale, timeZone) })}
      </span>
    );
  const date = formatDate(dueAt, locale, timeZone);
  return (
    <span className={cn(overdue ? 'font-semibold text-red-700' : 'text-zinc-700', className)}>
      {plain ? date : fill(t.due, { date })}
    </span>
  );
}
