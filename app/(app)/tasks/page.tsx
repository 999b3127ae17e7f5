import { QueueFilters, type QueueFilter } from '@/components/tasks/queue-filters';
import { TaskList } from '@/components/tasks/task-list';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { listTasks } from '@/lib/followup/tasks';
import { guardPage } from '@/lib/http/guard';
import { fill, formatNumber, messages } from '@/lib/i18n';
import { CATEGORIES, type TCategory } from '@/lib/nps';
import { getTenant } from '@/lib/tenancy/service';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CAP = 500;

export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('task.read.own');
  const sp = await searchParams;
  const canSeeAll = can(ctx.role, 'task.read.all');
  // A director works no tasks of their own, so their queue starts with everyone's.
  const defaultScope = canSeeAll && !can(ctx.role, 'task.work') ? 'all' : 'mine';
  const filter: QueueFilter = {
    scope: sp.scope === 'all' || sp.scope === 'mine' ? sp.scope : defaultScope,
    category: CATEGORIES.includes(sp.category as TCategory) ? (sp.category as TCategory) : undefined,
    status: sp.status === 'done' || sp.status === 'any' ? sp.status : 'open',
  };
  const [{ scope, tasks }, tenant] = await Promise.all([listTasks(ctx, filter), getTenant(ctx)]);
  const t = messages(ctx.locale).tasks.queue;
  const shown: QueueFilter = { ...filter, scope: scope === 'all' ? 'all' : 'mine' };

  return (
    <>
      <PageHeader title={scope === 'all' ? t.titleAll : t.titleMine} description={t.description} />
      <QueueFilters filter={shown} canSeeAll={canSeeAll} locale={ctx.locale} />
      <p className="mb-2 text-sm text-zinc-600" aria-live="polite">
        {tasks.length === 1 ? t.countOne : fill(t.count, { count: formatNumber(tasks.length, ctx.locale) })}
        {tasks.length >= CAP && <> · {fill(t.capped, { count: formatNumber(CAP, ctx.locale) })}</>}
      </p>
      {tasks.length === 0 ? (
        <EmptyState>
          {scope === 'mine' && filter.status === 'open' && !filter.category ? t.emptyMineOpen : t.empty}
        </EmptyState>
      ) : (
        <TaskList
          tasks={tasks}
          showAssignee={scope === 'all'}
          timeZone={tenant.timeZone}
          locale={ctx.locale}
        />
      )}
    </>
  );
}
