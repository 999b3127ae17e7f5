// API keys: lifecycle, hashing, and the one permission table applied to a key as to a member.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from '../../lib/auth/api-keys';
import { createContact } from '../../lib/contacts/service';
import { AppError } from '../../lib/errors';
import { setTaskStatus } from '../../lib/followup/tasks';
import { inviteMember, updateTenantSettings } from '../../lib/tenancy/service';
import { adminDb } from '../support/db';
import { makeTenant, uid } from '../support/factories';

const refused = async (p: Promise<unknown>, code = 'FORBIDDEN') => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
};

describe('API key lifecycle', () => {
  it('is created by a CX manager, shown once, stored as sha256 only, used, and revoked', async () => {
    const t = await makeTenant();
    const created = await createApiKey(t.admin.ctx, { name: 'HubSpot deals', role: 'ADMIN' });
    expect(created.secret).toMatch(new RegExp(`^klk_${t.tenant.routingKey}_[A-Za-z0-9_-]{43}$`));

    const row = await adminDb.apiKey.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: created.id } },
    });
    expect(row.hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(14));
    expect(created.secret.startsWith(row.prefix)).toBe(true);
    expect(row.createdByMembershipId).toBe(t.admin.membershipId);
    expect(row.lastUsedAt).toBeNull();

    // The list never carries the secret.
    const listed = await listApiKeys(t.owner.ctx);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed[0]).toMatchObject({ name: 'HubSpot deals', role: 'ADMIN', revokedAt: null });

    const ctx = await authenticateApiKey(created.secret);
    expect(ctx).toMatchObject({
      tenantId: t.tenant.id,
      apiKeyId: created.id,
      role: 'ADMIN',
      userId: null,
      membershipId: null,
    });
    expect(
      (
        await adminDb.apiKey.findUniqueOrThrow({
          where: { tenantId_id: { tenantId: t.tenant.id, id: created.id } },
        })
      ).lastUsedAt,
    ).not.toBeNull();

    // Every use is attributable: a write made with the key names the key in the audit log.
    const contact = await createContact(ctx!, { email: `api-${uid()}@customer.example` });
    const trail = await adminDb.auditLog.findFirstOrThrow({
      where: { tenantId: t.tenant.id, entityType: 'contact', entityId: contact.id },
    });
    expect(trail).toMatchObject({ actorApiKeyId: created.id, actorUserId: null, action: 'contact.created' });

    await revokeApiKey(t.admin.ctx, created.id);
    expect(await authenticateApiKey(created.secret)).toBeNull();
    await revokeApiKey(t.admin.ctx, created.id); // twice is fine
    const audits = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, entityType: 'apikey', entityId: created.id },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ['apikey.created', t.admin.userId],
      ['apikey.revoked', t.admin.userId],
    ]);
  });

  it('refuses malformed, unknown, tampered and other-tenant-routed keys alike', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const { secret } = await createApiKey(t.owner.ctx, { name: 'Zendesk', role: 'VIEWER' });
    expect(await authenticateApiKey('')).toBeNull();
    expect(await authenticateApiKey('nonsense')).toBeNull();
    expect(await authenticateApiKey(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    // The same secret behind another tenant's routing key finds nothing.
    expect(await authenticateApiKey(secret.replace(t.tenant.routingKey, other.tenant.routingKey))).toBeNull();
    expect(await authenticateApiKey(secret)).not.toBeNull();
  });

  it('only owners and CX managers manage keys; a key cannot have a person-only role', async () => {
    const t = await makeTenant();
    await refused(createApiKey(t.am.ctx, { name: 'x-key', role: 'VIEWER' }));
    await refused(createApiKey(t.viewer.ctx, { name: 'x-key', role: 'VIEWER' }));
    await refused(listApiKeys(t.viewer.ctx));
    await refused(createApiKey(t.admin.ctx, { name: 'x-key', role: 'OWNER' as 'ADMIN' }), 'BAD_REQUEST');
    await refused(
      createApiKey(t.admin.ctx, { name: 'x-key', role: 'ACCOUNT_MANAGER' as 'ADMIN' }),
      'BAD_REQUEST',
    );
    await refused(revokeApiKey(t.admin.ctx, '0190a0a0-0000-7000-8000-000000000000'), 'NOT_FOUND');
    // Another tenant's key id is as unknown as a made-up one.
    const other = await makeTenant();
    const foreign = await createApiKey(other.admin.ctx, { name: 'theirs', role: 'ADMIN' });
    await refused(revokeApiKey(t.admin.ctx, foreign.id), 'NOT_FOUND');
    expect(await authenticateApiKey(foreign.secret)).not.toBeNull();
  });
});

describe('the permission table applied to keys', () => {
  it('a VIEWER key reads only; an ADMIN key writes but never manages people, settings or keys', async () => {
    const t = await makeTenant();
    const viewer = (await authenticateApiKey(
      (await createApiKey(t.admin.ctx, { name: 'reader', role: 'VIEWER' })).secret,
    ))!;
    const admin = (await authenticateApiKey(
      (await createApiKey(t.admin.ctx, { name: 'writer', role: 'ADMIN' })).secret,
    ))!;
    await refused(createContact(viewer, { email: `v-${uid()}@customer.example` }));
    await createContact(admin, { email: `a-${uid()}@customer.example` });
    await refused(setTaskStatus(viewer, '0190a0a0-0000-7000-8000-000000000000', { status: 'DONE' }));
    await refused(inviteMember(admin, { email: `m-${uid()}@x.test`, role: 'VIEWER' }));
    await refused(createApiKey(admin, { name: 'escalate', role: 'ADMIN' }));
    await refused(listApiKeys(admin));
    await refused(
      updateTenantSettings(admin, {
        name: 'Hacked',
        senderName: 'Hacked',
        defaultLocale: 'en',
        timeZone: 'UTC',
        throttleDays: 0,
        slaDetractorDays: 1,
        slaPassiveDays: 1,
        slaPromoterDays: 1,
      }),
    );
  });
});
