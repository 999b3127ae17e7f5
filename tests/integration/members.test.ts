import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import {
  createTenant,
  inviteMember,
  listMembers,
  membershipsOfUser,
  resolveContext,
} from '../../lib/tenancy/service';
import { drainOutbox, makeTenant, uid } from '../support/factories';
import { sink } from '../support/sink';

describe('sign-up, invitations and several tenants per user', () => {
  it('sign-up creates a tenant with the user as owner', async () => {
    const user = await adminDb.user.create({ data: { email: `founder-${uid()}@x.test` } });
    const { tenant, membership } = await createTenant(user.id, { name: 'Bakkerij de Korst', locale: 'nl' });
    expect(membership.role).toBe('OWNER');
    expect(tenant).toMatchObject({
      slug: 'bakkerij-de-korst',
      defaultLocale: 'nl',
      senderName: 'Bakkerij de Korst',
      throttleDays: 90,
    });
    const second = await createTenant(user.id, { name: 'Bakkerij de Korst' });
    expect(second.tenant.slug).not.toBe(tenant.slug);
  });

  it('sign-ups with the same new name at the same moment all succeed, with distinct slugs', async () => {
    const name = `Gelijktijdig ${uid()}`;
    const users = await Promise.all(
      Array.from({ length: 4 }, () => adminDb.user.create({ data: { email: `race-${uid()}@x.test` } })),
    );
    const created = await Promise.all(users.map((u) => createTenant(u.id, { name })));
    const slugs = created.map((c) => c.tenant.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(slugs).toContain(name.toLowerCase().replace(' ', '-'));
    expect(slugs.every((s) => s.startsWith(name.toLowerCase().replace(' ', '-')))).toBe(true);
    expect(created.map((c) => c.membership.role)).toEqual(['OWNER', 'OWNER', 'OWNER', 'OWNER']);
  });

  it('an admin invites a colleague by email with a role; the email goes out in their language', async () => {
    const t = await makeTenant();
    const email = `new-${uid()}@x.test`;
    await adminDb.user.create({ data: { email, locale: 'nl' } });
    const m = await inviteMember(t.admin.ctx, { email: email.toUpperCase(), role: 'ACCOUNT_MANAGER' });
    expect(m.role).toBe('ACCOUNT_MANAGER');
    await drainOutbox(t.tenant.id);
    const mail = await sink().waitFor((x) => x.to.includes(email));
    expect(mail.subject).toContain('nodigt u uit');
    expect(mail.text).toContain(`/signin?email=${encodeURIComponent(email)}`);
    expect((await listMembers(t.admin.ctx)).map((x) => x.email)).toContain(email);

    const again = await inviteMember(t.admin.ctx, { email, role: 'VIEWER' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).status).toBe(409);
    const bad = await inviteMember(t.admin.ctx, { email: 'not-an-email', role: 'VIEWER' }).catch(
      (e: unknown) => e,
    );
    expect((bad as AppError).status).toBe(400);
    expect((bad as AppError).details).toMatchObject({ fields: { email: expect.any(String) } });
  });

  it("the inviter's language choice becomes a new colleague's; someone who chose their own keeps it", async () => {
    const t = await makeTenant();
    const fresh = `fresh-${uid()}@x.test`;
    const settled = `settled-${uid()}@x.test`;
    await adminDb.user.create({ data: { email: settled, locale: 'en' } });
    await inviteMember(t.admin.ctx, { email: fresh, role: 'ACCOUNT_MANAGER', locale: 'nl' });
    await inviteMember(t.admin.ctx, { email: settled, role: 'VIEWER', locale: 'nl' });
    await drainOutbox(t.tenant.id);
    const users = await adminDb.user.findMany({
      where: { email: { in: [fresh, settled] } },
      orderBy: { email: 'asc' },
    });
    expect(users.map((u) => [u.email, u.locale])).toEqual([
      [fresh, 'nl'],
      [settled, 'en'],
    ]);
    const toFresh = await sink().waitFor((x) => x.to.includes(fresh));
    expect(toFresh.subject).toContain('nodigt u uit');
    expect(toFresh.text).toContain(`/signin?email=${encodeURIComponent(fresh)}&lang=nl`);
    const toSettled = await sink().waitFor((x) => x.to.includes(settled));
    expect(toSettled.subject).toContain('invites you');
    expect(toSettled.text).toContain('&lang=en');
    const bad = await inviteMember(t.admin.ctx, {
      email: `x-${uid()}@x.test`,
      role: 'VIEWER',
      locale: 'fr' as never,
    }).catch((e: unknown) => e);
    expect((bad as AppError).details).toMatchObject({ fields: { locale: expect.any(String) } });
  });

  it('a user in two tenants gets the tenant they chose, and only tenants they belong to', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const c = await makeTenant();
    await adminDb.membership.create({ data: { tenantId: b.tenant.id, userId: a.am.userId, role: 'VIEWER' } });
    expect((await membershipsOfUser(a.am.userId)).map((m) => m.tenantId).sort()).toEqual(
      [a.tenant.id, b.tenant.id].sort(),
    );
    expect(await resolveContext(a.am.userId, b.tenant.id, 'en')).toMatchObject({
      tenantId: b.tenant.id,
      role: 'VIEWER',
    });
    expect(await resolveContext(a.am.userId, a.tenant.id, 'en')).toMatchObject({
      tenantId: a.tenant.id,
      role: 'ACCOUNT_MANAGER',
    });
    // A tenant they do not belong to falls back to their first membership.
    expect(await resolveContext(a.am.userId, c.tenant.id, 'en')).toMatchObject({ tenantId: a.tenant.id });
  });
});
