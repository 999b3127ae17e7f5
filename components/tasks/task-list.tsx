import Link from 'next/link';
import { CategoryBadge } from '@/components/nps/category-badge';
import { cn } from '@/lib/cn';
import { fill, messages, type TLocale } from '@/lib/i18n';
import type { TCategory } from '@/lib/nps';
import { DueText, OverdueBadge, ReopenedBadge, StatusBadge, type TTaskStatus } from './status-badge';

export interface TaskRow {
  id: string;
  category: TCategory;
  status: TTaskStatus;
  dueAt: Date;
  closedAt: Date | null;
  overdue: boolean;
  /** Reopened by a worse answer after it was closed, and not closed again since. */
  reopened: boolean;
  score: number;
  comment: string | null;
  contact: string;
  company: string | null;
  touchpoint: string;
  assignee: string | null;
}

const SCORE_TONE: Record<TCategory, string> = {
  PROMOTER: 'border-promoter text-promoter',
  PASSIVE: 'border-passive text-passive',
  DETRACTOR: 'border-detractor text-detractor',
};

function excerpt(s: string, max = 140): string {
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/**
 * The queue as a list of rows that are links to the task. A list rather than a table so it reads on
 * a phone; each link gets a short name so a screen reader (and a test) can tell rows apart.
 */
export function TaskList({
  tasks,
  showAssignee,
  timeZone,
  locale,
}: {
  tasks: TaskRow[];
  showAssignee: boolean;
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale);
  const q = t.tasks.queue;
  return (
    <ul
      aria-label={q.listLabel}
      className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm"
    >
      {tasks.map((task) => {
        const company = task.company ?? q.noCompany;
        const label =
          fill(q.rowLabel, {
            company,
            contact: task.contact,
            score: task.score,
            category: t.common.categories[task.category],
          }) + (task.overdue ? q.rowOverdue : '');
        return (
          <li
            key={task.id}
            className={cn(
              'relative flex gap-3 p-3 focus-within:bg-zinc-50 hover:bg-zinc-50 sm:p-4',
              task.overdue && 'border-l-4 border-l-red-700',
              task.status === 'DONE' && 'opacity-75',
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                'flex size-11 shrink-0 items-center justify-center rounded-full border-2 text-lg font-bold tabular-nums',
                SCORE_TONE[task.category],
              )}
            >
              {task.score}
            </span>
            <span className="min-w-0 flex-1">
              <span className="flex flex-wrap items-center gap-2">
                {/* The company name is the link; its ::after covers the row, so the whole row is
                      clickable while the link's visible text stays part of its accessible name. */}
                <Link
                  href={`/tasks/${task.id}`}
                  aria-label={label}
                  className="font-semibold text-zinc-900 after:absolute after:inset-0 after:content-['']"
                >
                  {company}
                </Link>
                <CategoryBadge category={task.category} label={t.common.categories[task.category]} />
                <StatusBadge status={task.status} locale={locale} />
                {task.reopened && <ReopenedBadge locale={locale} />}
                {task.overdue && <OverdueBadge locale={locale} />}
              </span>
              <span className="mt-0.5 block text-sm text-zinc-600">
                {task.contact} · {task.touchpoint}
                {showAssignee && (
                  <> · {task.assignee ? fill(q.assignee, { name: task.assignee }) : q.unassigned}</>
                )}
              </span>
              <span
                className={cn(
                  'mt-1 block text-sm break-words',
                  task.comment ? 'text-zinc-800' : 'italic text-zinc-600',
                )}
              >
                {task.comment ? `“${excerpt(task.comment)}”` : q.noComment}
              </span>
              <DueText
                dueAt={task.dueAt}
                closedAt={task.status === 'DONE' ? task.closedAt : null}
                overdue={task.overdue}
                timeZone={timeZone}
                locale={locale}
                className="mt-1 block text-xs"
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
