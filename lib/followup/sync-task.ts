import type { Logger } from 'pino';
import { withTenant } from '../db';
import { audit } from '../audit';
import { logger } from '../log';
import { writeOutbox, type TEventPayload } from '../queue/events';
import type { TCategory } from '../nps';
import { dueDate, slaDaysFor } from './sla';

const SEVERITY: Record<TCategory, number> = { PROMOTER: 0, PASSIVE: 1, DETRACTOR: 2 };

/** A respondent changing their answer back and forth re-alerts the assignee at most once per hour. */
export const REALERT_GUARD_MS = 3_600_000;

/** The task does not exist yet (its job has not run); the job retries until it does. */
export class TaskNotYetCreatedError extends Error {
  constructor() {
    super('the follow-up task for this response does not exist yet; retrying');
  }
}

/**
 * Job handler for 'response.changed': a respondent changed their answer to another category. The
 * open task takes the new category and that category's SLA (counted from the change), and when the
 * answer got worse the assignee is alerted again, at most once per task per REALERT_GUARD_MS (the
 * history records every change either way). A closed task is reopened by a worse answer (the same
 * task: one per response, its notes and history stay together; see ARCHITECTURE.md) and stays closed
 * for a better one. Idempotent: it syncs to the response as it is now, and the conditional update
 * makes a second run (or a racing one) a no-op.
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
    // The flip guard: the moment of the change (the answer's updatedAt) decides, not the job's clock.
    const changedAt = response.updatedAt;
    const realert =
      worse &&
      !!task.assigneeMembershipId &&
      (!task.realertedAt || changedAt.getTime() - task.realertedAt.getTime() >= REALERT_GUARD_MS);
    const updated = await tx.followUpTask.updateMany({
      // Conditional on what was read: of two syncs at once only one changes the task (and alerts).
      where: {
        tenantId,
        id: task.id,
        category: task.category,
        status: closed ? 'DONE' : { not: 'DONE' },
        realertedAt: task.realertedAt,
      },
      data: {
        category: response.category,
        dueAt: due,
        ...reopen,
        ...(realert ? { alertSentAt: null, alertLeaseUntil: null, realertedAt: changedAt } : {}),
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
        // worse: 'sent' (alerted again) or 'held' (a re-alert within the hour before); else none.
        alert: realert ? 'sent' : worse && task.assigneeMembershipId ? 'held' : 'none',
      },
    });
    if (realert) await writeOutbox(tx, 'task.alert', { tenantId, taskId: task.id });
    else if (worse && !task.assigneeMembershipId)
      log.warn({ taskId: task.id }, 'worse answer on a task without an assignee: nobody to alert');
    log.info(
      { taskId: task.id, from: task.category, to: response.category, reopened: closed },
      closed ? 'a worse answer reopened the task' : 'task follows the changed answer',
    );
    return closed ? 'reopened' : 'synced';
  });
}
