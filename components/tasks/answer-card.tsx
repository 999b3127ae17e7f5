import { CategoryBadge } from '@/components/nps/category-badge';
import { Card, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';
import { DueText, OverdueBadge } from './status-badge';
import type { TaskDetail } from './types';

const SCORE_TONE = {
  PROMOTER: 'text-promoter',
  PASSIVE: 'text-passive',
  DETRACTOR: 'text-detractor',
} as const;

/** What the customer said: the score, its category and, above all, the reason in their own words. */
export function AnswerCard({
  task,
  timeZone,
  locale,
}: {
  task: TaskDetail;
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale);
  const d = t.tasks.detail;
  const r = task.response;
  const phase =
    r.touchpoint.phase === 'CUSTOM' && r.touchpoint.customPhase
      ? r.touchpoint.customPhase
      : t.common.phases[r.touchpoint.phase];
  return (
    <Card aria-labelledby="answer-title">
      <CardTitle>
        <span id="answer-title">{d.answer}</span>
      </CardTitle>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex items-center gap-3 sm:flex-col sm:items-start">
          <p
            data-testid="task-score"
            aria-label={fill(d.scoreOutOf, { score: r.score })}
            className={cn('text-6xl font-bold tabular-nums leading-none', SCORE_TONE[task.category])}
          >
            {r.score}
          </p>
          <CategoryBadge category={task.category} label={t.common.categories[task.category]} />
        </div>
        <div className="min-w-0 flex-1">
          {r.comment ? (
            <blockquote
              lang={r.locale}
              className="border-l-4 border-zinc-300 pl-4 text-base text-zinc-900 break-words whitespace-pre-wrap"
            >
              “{r.comment}”
            </blockquote>
          ) : (
            <p className="italic text-zinc-500">{d.noComment}</p>
          )}
        </div>
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium text-zinc-500">{d.touchpoint}</dt>
          <dd>
            {r.touchpoint.name} <span className="text-zinc-500">({phase})</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{d.survey}</dt>
          <dd>{r.survey.name}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{d.language}</dt>
          <dd>{t.common.languages[r.locale]}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{d.answeredAt}</dt>
          <dd>{formatDate(r.submittedAt, locale, timeZone, true)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-zinc-500">{d.due}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <DueText
              plain
              dueAt={task.dueAt}
              closedAt={null}
              overdue={task.overdue}
              timeZone={timeZone}
              locale={locale}
            />
            {task.overdue && <OverdueBadge locale={locale} />}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
