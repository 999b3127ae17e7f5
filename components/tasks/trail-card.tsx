import { Card, CardTitle } from '@/components/ui/card';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';
import { CATEGORIES, type TCategory } from '@/lib/nps';
import type { TaskDetail } from './types';

type Entry = TaskDetail['trail'][number];
const STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;

/** Who did what when: the task's audit trail in words. */
export function TrailCard({
  trail,
  memberNames,
  timeZone,
  locale,
}: {
  trail: TaskDetail['trail'];
  /** Membership id -> name, to name the people in a reassignment. */
  memberNames: Map<string, string>;
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale).tasks;
  const member = (id: unknown) =>
    typeof id === 'string' ? (memberNames.get(id) ?? t.trail.someone) : t.assign.unassigned;
  const status = (s: unknown) =>
    STATUSES.includes(s as (typeof STATUSES)[number]) ? t.status[s as (typeof STATUSES)[number]] : String(s);

  const category = (c: unknown) =>
    CATEGORIES.includes(c as TCategory) ? messages(locale).common.categories[c as TCategory] : String(c);

  const describe = (e: Entry): string => {
    const d = e.data ?? {};
    switch (e.action) {
      case 'task.created': {
        const due = typeof d.dueAt === 'string' ? formatDate(new Date(d.dueAt), locale, timeZone) : null;
        return d.assigneeMembershipId && due
          ? fill(t.trail.createdAssigned, { name: member(d.assigneeMembershipId), due })
          : t.trail.created;
      }
      case 'task.status':
        return fill(t.trail.status, { from: status(d.from), to: status(d.to) });
      case 'task.note':
        return t.trail.note;
      case 'task.reassigned':
        return fill(t.trail.reassigned, { from: member(d.from), to: member(d.to) });
      case 'task.reopened':
      case 'task.recategorized':
        return fill(e.action === 'task.reopened' ? t.trail.reopened : t.trail.recategorized, {
          from: category(d.from),
          to: category(d.to),
          score: String(d.score ?? ''),
          due: typeof d.dueAt === 'string' ? formatDate(new Date(d.dueAt), locale, timeZone) : '',
        });
      default:
        return fill(t.trail.other, { action: e.action });
    }
  };

  return (
    <Card aria-labelledby="trail-title">
      <CardTitle>
        <span id="trail-title">{t.trail.title}</span>
      </CardTitle>
      {trail.length === 0 ? (
        <p className="text-sm text-zinc-500">{t.trail.empty}</p>
      ) : (
        <ol aria-labelledby="trail-title" className="relative space-y-3 border-l border-zinc-200 pl-4">
          {trail.map((e) => (
            <li key={e.id} className="text-sm">
              <span aria-hidden="true" className="absolute -left-1 mt-1.5 size-2 rounded-full bg-zinc-400" />
              <p className="text-zinc-900">{describe(e)}</p>
              <p className="text-xs text-zinc-500">
                {e.actor ?? t.trail.system} ·{' '}
                <time dateTime={e.at.toISOString()}>{formatDate(e.at, locale, timeZone, true)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
