import type { Logger } from 'pino';
import { withTenant } from '../db';
import { audit } from '../audit';
import { logger } from '../log';
import { writeOutbox, type TEventPayload } from '../queue/events';
import type { TCategory } from '../nps';
import { dueDate, slaDaysFor } from './sla';

const SEVERITY: Record<TCategory, number> = { PROMOTER: 0, PASSIVE: 1, DETRACTOR: 2 };

/** The task does not exist yet (its job has not run); the job retries until it does. */
export class TaskNotYetCreatedError extends Error {
  constructor() {
    super('the follow-up task for this response does not exist yet; retrying');
  }
}

/**
 * Job handler for 'response.changed': a respondent changed their answer to another category. The
 * open task takes the new category and that category's SLA (counted from the change), and when the
 * answer got worse the assignee is alerted again. A closed task is reopened by a worse answer (the
 * same task: one per response, its notes and history stay together; see ARCHITECTURE.md) and stays
 * closed for a better one. Idempotent: it syncs to the response as it is now, and the conditional
 * update makes a second run (or a racing one) a no-op.
 */
export async function syncTaskWithResponse(
  p: TEventPayload<'response.changed'>,
  { log = logger }: { log?: Logger } = {},
): Promise<'gone' | 'in-sync' | 'synced' | 'reopened'> {
  const { tenantId, responseId } = p;
  return withTenant(tenantId, async (tx) => {
    const response = await tx.response.findUnique({
      where: { tenantId_id: { tenantId, id: responseId } },
      include: { tenant: true, task: true },
    });
    if (!response) return 'gone';
    const task = response.task;
    if (!task) throw new TaskNotYetCreatedError();
    if (task.category === response.category) return 'in-sync';
    const worse = SEVERITY[response.category] > SEVERITY[task.category];
    const closed = task.status === 'DONE';
    if (closed && !worse) return 'in-sync';
    const due = dueDate(
      response.updatedAt,
      slaDaysFor(response.category, response.tenant),
      response.tenant.timeZone,
    );
    const reopen = closed ? { status: 'OPEN' as const, closedAt: null, reopenedAt: new Date() } : {};
    const updated = await tx.followUpTask.updateMany({
      where: { tenantId, id: task.id, category: task.category, status: closed ? 'DONE' : { not: 'DONE' } },
      data: {
        category: response.category,
        dueAt: due,
        ...reopen,
        ...(worse ? { alertSentAt: null, alertLeaseUntil: null } : {}),
      },
    });
    if (updated.count === 0) return 'synced';
    await audit(tx, {
      tenantId,
      actorUserId: null,
      action: closed ? 'task.reopened' : 'task.recategorized',
      entityType: 'task',
      entityId: task.id,
      data: {
        from: task.category,
        to: response.category,
        score: response.score,
        dueAt: due.toISOString(),
        ...(closed ? { closedAt: task.closedAt?.toISOString() ?? null } : {}),
      },
    });
    if (worse && task.assigneeMembershipId)
      await writeOutbox(tx, 'task.alert', { tenantId, taskId: task.id });
    else if (worse)
      log.warn({ taskId: task.id }, 'worse answer on a task without an assignee: nobody to alert');
    log.info(
      { taskId: task.id, from: task.category, to: response.category, reopened: closed },
      closed ? 'a worse answer reopened the task' : 'task follows the changed answer',
    );
    return closed ? 'reopened' : 'synced';
  });
}
