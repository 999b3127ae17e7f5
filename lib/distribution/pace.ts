import { withTenant } from '../db';
import { env } from '../env';
import { reserveSlot } from '../queue/pace';

const TTL_MS = 30_000;
const cache = new Map<string, { rate: number; until: number }>();

/**
 * A tenant's invitation rate (emails per second): its own setting, else TENANT_MAIL_RATE. Read at
 * most every 30 s per process (a changed setting takes effect within that).
 */
export async function tenantMailRate(tenantId: string, now = Date.now()): Promise<number> {
  const hit = cache.get(tenantId);
  if (hit && hit.until > now) return hit.rate;
  const t = await withTenant(tenantId, (tx) =>
    tx.tenant.findUnique({ where: { id: tenantId }, select: { mailRatePerSecond: true } }),
  );
  const rate = t?.mailRatePerSecond ?? env().TENANT_MAIL_RATE;
  cache.set(tenantId, { rate, until: now + TTL_MS });
  return rate;
}

/**
 * The per-tenant delivery rate: reserves this invitation's moment on its tenant's rate and answers
 * how long to wait for it (ms). One tenant's wave therefore leaves at its own rate, whatever other
 * tenants send; the instance-wide ceiling (INVITATION_MAIL_RATE, the relay's capacity) is the
 * invitations queue's limiter on top.
 */
export async function reserveInvitationSlot(tenantId: string): Promise<number> {
  return reserveSlot(`tenant:${tenantId}`, await tenantMailRate(tenantId));
}
