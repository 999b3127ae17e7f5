import type { Logger } from 'pino';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../db';
import { audit } from '../audit';
import { logger } from '../log';
import { writeOutbox, type TEventPayload } from '../queue/events';
import { decideAssignee } from '../routing/route';
import { dueDate, slaDaysFor } from './sla';

/**
 * Job handler: every response gets exactly one follow-up task, promoters and passives too. Assigned
 * by the tenant's routing rules (lib/routing/route.ts; by default the company's owner, else the
 * tenant's first CX manager: admin, then owner); due by the
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
      include: {
        company: { select: { ownerMembershipId: true, businessUnitId: true, region: true } },
        touchpoint: { select: { phase: true } },
        tenant: true,
      },
    });
    if (!response) return null;
    const due = dueDate(
      response.submittedAt,
      slaDaysFor(response.category, response.tenant),
      response.tenant.timeZone,
    );

    // Insert first, route after: a second run waits on the unique index and does nothing, so only
    // the run that created the task takes a team's round-robin turn.
    const id = uuidv7();
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "FollowUpTask" ("tenantId", "id", "responseId", "companyId", "assigneeMembershipId", "category", "status", "dueAt", "createdAt", "updatedAt")
      VALUES (${tenantId}::uuid, ${id}::uuid, ${responseId}::uuid, ${response.companyId}::uuid, NULL,
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
    const route = await decideAssignee(
      tx,
      tenantId,
      {
        touchpointId: response.touchpointId,
        phase: response.touchpoint.phase,
        category: response.category,
        score: response.score,
        companyId: response.companyId,
        businessUnitId: response.company?.businessUnitId ?? null,
        region: response.company?.region ?? null,
      },
      response.company?.ownerMembershipId ?? null,
    );
    const assignee = route.membershipId;
    if (assignee)
      await tx.followUpTask.update({
        where: { tenantId_id: { tenantId, id } },
        data: { assigneeMembershipId: assignee },
      });
    if (route.fallback)
      log.warn(
        { taskId: id, ruleId: route.ruleId, fallback: route.fallback },
        'routing rule fell back to the owner rule',
      );
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
        routing: {
          ruleId: route.ruleId,
          rule: route.ruleName,
          via: route.via,
          fallback: route.fallback ?? null,
        },
      },
    });
    if (assignee) await writeOutbox(tx, 'task.alert', { tenantId, taskId: id });
    else log.warn({ taskId: id }, 'task created without an assignee: the tenant has no CX manager to alert');
    return { taskId: id, created: true };
  });
}
