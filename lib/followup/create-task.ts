import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../db';
import { audit } from '../audit';
import { logger } from '../log';
import { writeOutbox, type TEventPayload } from '../queue/events';
import { dueDate, slaDaysFor } from './sla';

/**
 * Job handler: every response gets exactly one follow-up task, promoters and passives too. Assigned
 * to the company's owner, else to the tenant's first CX manager (admin, then owner); due by the
 * category's SLA in business days. The unique (tenantId, responseId) makes a second run a no-op, and
 * the alert is announced only by the run that created the task.
 */
export async function createTaskForResponse(
  p: TEventPayload<'response.submitted'>,
  { log = logger }: { log?: Logger } = {},
): Promise<{ taskId: string; created: boolean } | null> {
  const { tenantId, responseId } = p;
  return withTenant(tenantId, async (tx) => {
    const response = await tx.response.findUnique({
      where: { tenantId_id: { tenantId, id: responseId } },
      include: { company: { select: { ownerMembershipId: true } }, tenant: true },
    });
    if (!response) return null;
    let assignee = response.company?.ownerMembershipId ?? null;
    if (!assignee) {
      const admins = await tx.membership.findMany({
        where: { tenantId, role: { in: ['ADMIN', 'OWNER'] } },
        select: { id: true, role: true },
        orderBy: { createdAt: 'asc' },
      });
      assignee = (admins.find((a) => a.role === 'ADMIN') ?? admins[0])?.id ?? null;
    }
    const due = dueDate(
      response.submittedAt,
      slaDaysFor(response.category, response.tenant),
      response.tenant.timeZone,
    );

    const id = uuidv7();
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "FollowUpTask" ("tenantId", "id", "responseId", "companyId", "assigneeMembershipId", "category", "status", "dueAt", "createdAt", "updatedAt")
      VALUES (${tenantId}::uuid, ${id}::uuid, ${responseId}::uuid, ${response.companyId}::uuid, ${assignee}::uuid,
              ${response.category}::"NpsCategory", 'OPEN', ${due}, now(), now())
      ON CONFLICT ("tenantId", "responseId") DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) {
      const existing = await tx.followUpTask.findUniqueOrThrow({
        where: { tenantId_responseId: { tenantId, responseId } },
        select: { id: true },
      });
      return { taskId: existing.id, created: false };
    }
    await audit(tx, {
      tenantId,
      actorUserId: null,
      action: 'task.created',
      entityType: 'task',
      entityId: id,
      data: {
        category: response.category,
        score: response.score,
        assigneeMembershipId: assignee,
        dueAt: due.toISOString(),
      },
    });
    if (assignee) await writeOutbox(tx, 'task.alert', { tenantId, taskId: id });
    else log.warn({ taskId: id }, 'task created without an assignee: the tenant has no CX manager to alert');
    return { taskId: id, created: true };
  });
}
