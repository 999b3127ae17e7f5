import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { audit } from '../audit';
import { asSystemQuery, Prisma, withTenant } from '../db';
import { notFound } from '../errors';
import type { TLocale } from '../i18n';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, ZId } from '../validation';
import { API_KEY_ROLES, type TRole } from './permissions';

/**
 * API keys: `klk_<routing key>_<secret>`. The prefix makes a leaked key recognisable (secret
 * scanners, logs); the routing key (the tenant's, 8 characters) names the tenant so the lookup reads
 * one row; the secret is 32 random bytes (256 bits, base64url). Only sha256(key) is stored: a
 * database leak reveals no key, and with 256 bits of entropy a fast hash is enough (no guessing).
 */
export const KEY_PREFIX = 'klk_';
const KEY_PATTERN = /^klk_([a-z2-9]{8})_([A-Za-z0-9_-]{43})$/;

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(2).max(80),
  role: z.enum(API_KEY_ROLES),
});
export type TCreateApiKey = z.input<typeof ZCreateApiKey>;

/** last-used is written at most once per this many ms per key: a busy key does not write per request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** Creates a key; the only moment its secret exists outside the caller is this return value. */
export async function createApiKey(ctx: TenantContext, input: TCreateApiKey) {
  authorize(ctx, 'apikey.manage');
  const data = parseInput(ZCreateApiKey, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({
      where: { id: ctx.tenantId },
      select: { routingKey: true },
    });
    const secret = `${KEY_PREFIX}${tenant.routingKey}_${randomBytes(32).toString('base64url')}`;
    const key = await tx.apiKey.create({
      data: {
        tenantId: ctx.tenantId,
        name: data.name,
        role: data.role,
        hash: hashKey(secret),
        prefix: secret.slice(0, KEY_PREFIX.length + 8 + 5),
        createdByMembershipId: ctx.membershipId,
      },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'apikey.created',
      entityType: 'apikey',
      entityId: key.id,
      data: { name: data.name, role: data.role },
    });
    return { id: key.id, name: key.name, role: key.role, prefix: key.prefix, secret };
  });
}

export async function revokeApiKey(ctx: TenantContext, id: string, now = new Date()) {
  authorize(ctx, 'apikey.manage');
  if (!ZId.safeParse(id).success) throw notFound();
  return withTenant(ctx.tenantId, async (tx) => {
    const n = await tx.apiKey.updateMany({
      where: { tenantId: ctx.tenantId, id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (n.count === 0) {
      const exists = await tx.apiKey.count({ where: { tenantId: ctx.tenantId, id } });
      if (!exists) throw notFound();
      return; // already revoked
    }
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'apikey.revoked',
      entityType: 'apikey',
      entityId: id,
    });
  });
}

export async function listApiKeys(ctx: TenantContext) {
  authorize(ctx, 'apikey.manage');
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.apiKey.findMany({
      where: { tenantId: ctx.tenantId },
      include: { createdBy: { select: { user: { select: { name: true, email: true } } } } },
      orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }],
    }),
  );
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    role: k.role as TRole,
    prefix: k.prefix,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
    createdBy: k.createdBy ? (k.createdBy.user.name ?? k.createdBy.user.email) : null,
  }));
}

/**
 * The context of a request carrying `key`, or null for a malformed, unknown or revoked key (the
 * caller answers all of them alike). One cross-tenant read of one row ('api key lookup'); the
 * last-used time is written at most once a minute.
 */
export async function authenticateApiKey(
  key: string,
  locale: TLocale = 'en',
  now = new Date(),
): Promise<(TenantContext & { apiKeyId: string; apiKeyName: string }) | null> {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const hash = hashKey(key);
  const rows = await asSystemQuery<
    { tenantId: string; id: string; name: string; role: TRole; hash: string; lastUsedAt: Date | null }[]
  >(
    'api key lookup',
    Prisma.sql`SELECT k."tenantId", k."id", k."name", k."role"::text AS "role", k."hash", k."lastUsedAt"
      FROM "Tenant" t JOIN "ApiKey" k ON k."tenantId" = t."id"
      WHERE t."routingKey" = ${m[1]} AND k."hash" = ${hash} AND k."revokedAt" IS NULL
      LIMIT 1`,
  );
  const k = rows[0];
  if (!k || !timingSafeEqual(Buffer.from(k.hash), Buffer.from(hash))) return null;
  if (!k.lastUsedAt || now.getTime() - k.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await withTenant(k.tenantId, (tx) =>
      tx.apiKey.updateMany({
        where: { tenantId: k.tenantId, id: k.id },
        data: { lastUsedAt: now },
      }),
    );
  }
  return {
    tenantId: k.tenantId,
    userId: null,
    membershipId: null,
    apiKeyId: k.id,
    apiKeyName: k.name,
    role: k.role,
    locale,
  };
}
