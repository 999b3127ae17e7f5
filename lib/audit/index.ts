import type { Tx } from '../db';

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  actorApiKeyId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Writes an audit row inside the caller's transaction, so the trail and the change commit together. */
export async function audit(tx: Tx, e: AuditEntry) {
  await tx.auditLog.create({ data: { ...e, data: (e.data ?? undefined) as object | undefined } });
}

/** The trail of one entity, newest last, with the actor's name. */
export async function auditTrail(tx: Tx, tenantId: string, entityType: string, entityId: string) {
  const rows = await tx.auditLog.findMany({
    where: { tenantId, entityType, entityId },
    orderBy: { id: 'asc' },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x))];
  const actors = actorIds.length
    ? await tx.user.findMany({
        where: { id: { in: actorIds }, memberships: { some: { tenantId } } },
        select: { id: true, name: true, email: true },
      })
    : [];
  const byId = new Map(actors.map((a) => [a.id, a.name ?? a.email]));
  const keyIds = [...new Set(rows.map((r) => r.actorApiKeyId).filter((x): x is string => !!x))];
  const keys = keyIds.length
    ? await tx.apiKey.findMany({ where: { tenantId, id: { in: keyIds } }, select: { id: true, name: true } })
    : [];
  const keyById = new Map(keys.map((k) => [k.id, `API: ${k.name}`]));
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    at: r.createdAt,
    actor: r.actorUserId
      ? (byId.get(r.actorUserId) ?? null)
      : r.actorApiKeyId
        ? (keyById.get(r.actorApiKeyId) ?? null)
        : null,
    data: r.data as Record<string, unknown> | null,
  }));
}
