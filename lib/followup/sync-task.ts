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
 * answer got worse the assignee is alerted again. Idempotent: it syncs to the response as it is now.
 */
export async function syncTaskWithResponse(
  p: TEventPayload<'response.changed'>,
  { log = logger }: { log?: Logger } = {},
) {
  const { tenantId, responseId } = p;
  return withTenant(tenantId, async (tx) => {
    const response = await tx.response.findUnique({
      where: { tenantId_id: { tenantId, id: responseId } },
      include: { tenant: true, task: true },
    });
    if (!response) return 'gone';
    const task = response.task;
    if (!task) throw new TaskNotYetCreatedError();
    if (task.status === 'DONE' || task.category === response.category) return 'in-sync';
    const due = dueDate(
      response.updatedAt,
      slaDaysFor(response.category, response.tenant),
      response.tenant.timeZone,
    );
    const worse = SEVERITY[response.category] > SEVERITY[task.category];
    const updated = await tx.followUpTask.updateMany({
      where: { tenantId, id: task.id, category: task.category, status: { not: 'DONE' } },
      data: {
        category: response.category,
        dueAt: due,
        ...(worse ? { alertSentAt: null, alertLeaseUntil: null } : {}),
      },
    });
    if (updated.count === 0) return 'synced';
    await audit(tx, {
      tenantId,
      actorUserId: null,
      action: 'task.recategorized',
      entityType: 'task',
      entityId: task.id,
      data: { from: task.category, to: response.category, score: response.score, dueAt: due.toISOString() },
    });
    if (worse && task.assigneeMembershipId)
      await writeOutbox(tx, 'task.alert', { tenantId, taskId: task.id });
    log.info(
      { taskId: task.id, from: task.category, to: response.category },
      'task follows the changed answer',
    );
    return 'synced';
  });
}
