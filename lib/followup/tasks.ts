import { Prisma, withTenant, type Tx } from '../db';
import { audit, auditTrail } from '../audit';
import { can, type TRole } from '../auth/permissions';
import { AppError, forbidden, notFound } from '../errors';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { writeOutbox } from '../queue/events';
import { parseInput, rule, ZId } from '../validation';
import { ZReassign, ZTaskFilter, ZTaskNote, ZTaskStatus, type TTaskFilter } from './schemas';

/** Account managers see their own tasks; CX managers and directors see all. */
function visibleWhere(ctx: TenantContext): Prisma.FollowUpTaskWhereInput {
  return can(ctx.role, 'task.read.all')
    ? { tenantId: ctx.tenantId }
    : { tenantId: ctx.tenantId, assigneeMembershipId: ctx.membershipId };
}

export async function listTasks(ctx: TenantContext, filter: TTaskFilter = {}) {
  authorize(ctx, 'task.read.own');
  const f = ZTaskFilter.parse(filter);
  const scope = f.scope === 'all' && can(ctx.role, 'task.read.all') ? 'all' : 'mine';
  const where: Prisma.FollowUpTaskWhereInput = {
    tenantId: ctx.tenantId,
    ...(scope === 'mine' ? { assigneeMembershipId: ctx.membershipId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.status === 'open' ? { status: { not: 'DONE' } } : f.status === 'done' ? { status: 'DONE' } : {}),
  };
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.followUpTask.findMany({
      where,
      include: {
        company: { select: { name: true } },
        assignee: { select: { user: { select: { name: true, email: true } } } },
        response: {
          select: {
            score: true,
            comment: true,
            contact: { select: { name: true, email: true } },
            touchpoint: { select: { name: true } },
          },
        },
      },
      orderBy: [{ dueAt: 'asc' }],
      take: 500,
    }),
  );
  const now = Date.now();
  const rank = { OPEN: 0, IN_PROGRESS: 0, DONE: 1 } as const;
  return {
    scope,
    tasks: rows
      .map((t) => ({
        id: t.id,
        category: t.category,
        status: t.status,
        dueAt: t.dueAt,
        closedAt: t.closedAt,
        overdue: t.status !== 'DONE' && t.dueAt.getTime() < now,
        reopened: t.reopenedAt !== null && t.status !== 'DONE',
        score: t.response.score,
        comment: t.response.comment,
        contact: t.response.contact.name ?? t.response.contact.email,
        company: t.company?.name ?? null,
        touchpoint: t.response.touchpoint.name,
        assignee: t.assignee ? (t.assignee.user.name ?? t.assignee.user.email) : null,
      }))
      .sort((a, b) => rank[a.status] - rank[b.status] || a.dueAt.getTime() - b.dueAt.getTime()),
  };
}

async function loadVisible(tx: Tx, ctx: TenantContext, id: string) {
  if (!ZId.safeParse(id).success) throw notFound();
  const task = await tx.followUpTask.findFirst({ where: { ...visibleWhere(ctx), id } });
  if (!task) throw notFound();
  return task;
}

export async function getTask(ctx: TenantContext, id: string) {
  authorize(ctx, 'task.read.own');
  return withTenant(ctx.tenantId, async (tx) => {
    await loadVisible(tx, ctx, id);
    const task = await tx.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      include: {
        company: {
          include: {
            businessUnit: { select: { name: true } },
            owner: { select: { user: { select: { name: true, email: true } } } },
          },
        },
        assignee: { select: { id: true, user: { select: { name: true, email: true } } } },
        response: { include: { contact: true, touchpoint: true, survey: { select: { name: true } } } },
        notes: {
          include: { author: { select: { user: { select: { name: true, email: true } } } } },
          orderBy: { id: 'asc' },
        },
      },
    });
    const trail = can(ctx.role, 'audit.read') ? await auditTrail(tx, ctx.tenantId, 'task', id) : [];
    return {
      ...task,
      overdue: task.status !== 'DONE' && task.dueAt.getTime() < Date.now(),
      trail,
      canWork:
        can(ctx.role, 'task.manage') ||
        (can(ctx.role, 'task.work') && task.assigneeMembershipId === ctx.membershipId),
      canReassign: can(ctx.role, 'task.manage'),
    };
  });
}

/** Working a task: its assignee, or a CX manager. */
async function loadWorkable(tx: Tx, ctx: TenantContext, id: string) {
  authorize(ctx, 'task.work');
  const task = await loadVisible(tx, ctx, id);
  if (!can(ctx.role, 'task.manage') && task.assigneeMembershipId !== ctx.membershipId) throw forbidden();
  return task;
}

export async function setTaskStatus(ctx: TenantContext, id: string, input: { status: string }) {
  const { status } = parseInput(ZTaskStatus, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadWorkable(tx, ctx, id);
    if (task.status === status) return task;
    const now = new Date();
    const updated = await tx.followUpTask.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      data: {
        status,
        startedAt: status === 'IN_PROGRESS' && !task.startedAt ? now : undefined,
        closedAt: status === 'DONE' ? now : null,
      },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.status',
      entityType: 'task',
      entityId: id,
      data: { from: task.status, to: status },
    });
    return updated;
  });
}

export async function addTaskNote(ctx: TenantContext, id: string, input: { body: string }) {
  const { body } = parseInput(ZTaskNote, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await loadWorkable(tx, ctx, id);
    const note = await tx.taskNote.create({
      data: { tenantId: ctx.tenantId, taskId: id, authorMembershipId: ctx.membershipId, body },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.note',
      entityType: 'task',
      entityId: id,
      data: { noteId: note.id },
    });
    return note;
  });
}

/**
 * A CX manager hands a task to someone who can work it (not a viewer). The new assignee is alerted:
 * the alert claim is reset and a task.alert event leaves with the change. A done task is handed over
 * without an alert; reassigning to the current assignee changes nothing.
 */
export async function reassignTask(ctx: TenantContext, id: string, input: { membershipId: string }) {
  authorize(ctx, 'task.manage');
  const { membershipId } = parseInput(ZReassign, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const task = await loadVisible(tx, ctx, id);
    const member = await tx.membership.findUnique({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: membershipId } },
    });
    const refusal = !member
      ? rule(ctx.locale, 'unknownMember')
      : !can(member.role as TRole, 'task.work')
        ? rule(ctx.locale, 'cannotWorkTasks')
        : null;
    if (refusal) throw new AppError('BAD_REQUEST', refusal, { fields: { membershipId: refusal } });
    if (task.assigneeMembershipId === membershipId) return task;
    const alert = task.status !== 'DONE';
    const updated = await tx.followUpTask.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      data: {
        assigneeMembershipId: membershipId,
        ...(alert ? { alertSentAt: null, alertLeaseUntil: null } : {}),
      },
    });
    if (alert) await writeOutbox(tx, 'task.alert', { tenantId: ctx.tenantId, taskId: id });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'task.reassigned',
      entityType: 'task',
      entityId: id,
      data: { from: task.assigneeMembershipId, to: membershipId },
    });
    return updated;
  });
}
