import Link from 'next/link';
import { AnswerCard } from '@/components/tasks/answer-card';
import { AssignCard } from '@/components/tasks/assign-card';
import { CustomerCard } from '@/components/tasks/customer-card';
import { GuidanceCard } from '@/components/tasks/guidance-card';
import { NotesCard } from '@/components/tasks/notes-card';
import { TrailCard } from '@/components/tasks/trail-card';
import { WorkCard } from '@/components/tasks/work-card';
import { PageHeader } from '@/components/ui/card';
import { listOwners } from '@/lib/contacts/service';
import { getTask } from '@/lib/followup/tasks';
import { guardPage } from '@/lib/http/guard';
import { orNotFound } from '@/lib/http/not-found';
import { fill, formatDate, messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { addNote, changeTaskStatus, reassign } from '../actions';

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await guardPage('task.read.own');
  const { id } = await params;
  // Not found for a missing id, a malformed one and another tenant's alike.
  const task = await orNotFound(getTask(ctx, id));
  const [tenant, owners] = await Promise.all([getTenant(ctx), listOwners(ctx)]);
  const t = messages(ctx.locale).tasks;
  const tz = tenant.timeZone;

  const assignee = task.assignee
    ? { membershipId: task.assignee.id, name: task.assignee.user.name ?? task.assignee.user.email }
    : null;
  const memberNames = new Map(owners.map((o) => [o.membershipId, o.name]));
  if (assignee) memberNames.set(assignee.membershipId, assignee.name);
  const members = owners.map((o) => ({ membershipId: o.membershipId, name: o.name }));
  if (assignee && !members.some((m) => m.membershipId === assignee.membershipId)) members.unshift(assignee);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tasks" className="text-brand-700 underline">
          ← {t.detail.back}
        </Link>
      </p>
      <PageHeader
        title={fill(t.detail.title, {
          company: task.company?.name ?? task.response.contact.name ?? task.response.contact.email,
        })}
      />
      {task.reopenedAt && task.status !== 'DONE' && (
        <p
          data-testid="task-reopened"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {fill(t.detail.reopenedNotice, { date: formatDate(task.reopenedAt, ctx.locale, tz, true) })}
        </p>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <AnswerCard task={task} timeZone={tz} locale={ctx.locale} />
          <GuidanceCard category={task.category} locale={ctx.locale} />
          <WorkCard
            taskId={task.id}
            status={task.status}
            canWork={task.canWork}
            action={changeTaskStatus}
            locale={ctx.locale}
          />
          <NotesCard task={task} canWork={task.canWork} action={addNote} timeZone={tz} locale={ctx.locale} />
        </div>
        <div className="space-y-6">
          <CustomerCard task={task} locale={ctx.locale} />
          <AssignCard
            taskId={task.id}
            assignee={assignee}
            members={members}
            canReassign={task.canReassign}
            action={reassign}
            locale={ctx.locale}
          />
          <TrailCard trail={task.trail} memberNames={memberNames} timeZone={tz} locale={ctx.locale} />
        </div>
      </div>
    </>
  );
}
