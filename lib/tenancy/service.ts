import { randomBytes } from 'node:crypto';
import { asSystem, db, isUniqueViolation, withTenant } from '../db';
import { audit } from '../audit';
import { actorCan, type TAction, type TRole } from '../auth/permissions';
import { AppError, forbidden } from '../errors';
import { writeOutbox } from '../queue/events';
import { messages, type TLocale } from '../i18n';
import { parseInput } from '../validation';
import { actorOf, type MemberContext, type TenantContext } from './context';
import {
  ZCreateTenant,
  ZInviteMember,
  ZTenantSettings,
  type TCreateTenant,
  type TInviteMember,
  type TTenantSettings,
} from './schemas';

/** Refuses an action the context's role may not take. Services call it first. */
export function authorize(ctx: TenantContext, action: TAction) {
  if (!actorCan(ctx, action)) throw forbidden();
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'org'
  );
}

/** Lower-case base32 without look-alikes; 8 characters = 40 bits, enough to route, not to guess. */
export function newRoutingKey(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(8);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The memberships of one user across tenants (for the tenant switcher). */
export async function membershipsOfUser(userId: string) {
  return asSystem('sign-in memberships', (tx) =>
    tx.membership.findMany({
      where: { userId },
      select: { id: true, role: true, tenantId: true, tenant: { select: { name: true, slug: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  );
}

/**
 * Resolves the context for a signed-in user: the preferred tenant if they are a member of it,
 * otherwise their first membership. Null when they belong to no tenant yet.
 */
export async function resolveContext(
  userId: string,
  preferredTenantId: string | undefined,
  locale: TLocale,
): Promise<MemberContext | null> {
  const memberships = await asSystem('sign-in memberships', (tx) =>
    tx.membership.findMany({
      where: { userId },
      select: { id: true, role: true, tenantId: true },
      orderBy: { createdAt: 'asc' },
    }),
  );
  const m = memberships.find((x) => x.tenantId === preferredTenantId) ?? memberships[0];
  if (!m) return null;
  return { tenantId: m.tenantId, userId, membershipId: m.id, role: m.role as TRole, locale };
}

/**
 * Sign-up: a new tenant with the user as its owner. The slug is the name, with a random suffix when
 * taken; two sign-ups with the same name at once both see it free, and the one that loses on the
 * unique slug retries with a suffix instead of failing.
 */
export async function createTenant(userId: string, input: TCreateTenant) {
  const data = parseInput(ZCreateTenant, input, input.locale ?? 'en');
  const base = slugify(data.name);
  const suffixed = () => `${base}-${randomBytes(3).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return await asSystem('sign-up', async (tx) => {
        const taken = attempt > 0 || (await tx.tenant.count({ where: { slug: { startsWith: base } } })) > 0;
        const tenant = await tx.tenant.create({
          data: {
            name: data.name,
            slug: taken ? suffixed() : base,
            senderName: data.name,
            routingKey: newRoutingKey(),
            defaultLocale: data.locale,
          },
        });
        const membership = await tx.membership.create({
          data: { tenantId: tenant.id, userId, role: 'OWNER' },
        });
        await audit(tx, {
          tenantId: tenant.id,
          actorUserId: userId,
          action: 'tenant.created',
          entityType: 'tenant',
          entityId: tenant.id,
        });
        return { tenant, membership };
      });
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

export async function getTenant(ctx: TenantContext) {
  return withTenant(ctx.tenantId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId } }));
}

export async function updateTenantSettings(ctx: TenantContext, input: TTenantSettings) {
  authorize(ctx, 'tenant.manage');
  const data = parseInput(ZTenantSettings, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const t = await tx.tenant.update({ where: { id: ctx.tenantId }, data });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'tenant.settings',
      entityType: 'tenant',
      entityId: ctx.tenantId,
      data,
    });
    return t;
  });
}

export async function listMembers(ctx: TenantContext) {
  authorize(ctx, 'member.read');
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.membership.findMany({
      where: { tenantId: ctx.tenantId },
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
  );
  return rows.map((r) => ({
    membershipId: r.id,
    role: r.role as TRole,
    since: r.createdAt,
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
  }));
}

/**
 * An owner or CX manager invites a colleague with a role. The user row is created if the email is
 * new (next-auth signs them in by email later); the invitation email leaves through the outbox.
 */
export async function inviteMember(ctx: TenantContext, input: TInviteMember) {
  authorize(ctx, 'member.manage');
  const data = parseInput(ZInviteMember, input, ctx.locale);
  if (data.role === 'OWNER') authorize(ctx, 'member.grantOwner');
  return withTenant(ctx.tenantId, async (tx) => {
    const user = await tx.user.upsert({
      where: { email: data.email },
      create: { email: data.email, name: data.name || null, locale: data.locale ?? null },
      update: {},
    });
    // The inviter's language choice is the colleague's until they choose one (lib/i18n/rule.ts);
    // someone who already chose keeps theirs.
    if (!user.locale && data.locale)
      await tx.user.update({ where: { id: user.id }, data: { locale: data.locale } });
    const existing = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: ctx.tenantId, userId: user.id } },
    });
    if (existing)
      throw new AppError('CONFLICT', messages(ctx.locale).auth.alreadyMember, {
        fields: { email: messages(ctx.locale).auth.alreadyMember },
      });
    const m = await tx.membership.create({
      data: { tenantId: ctx.tenantId, userId: user.id, role: data.role },
    });
    await writeOutbox(tx, 'member.invited', {
      tenantId: ctx.tenantId,
      membershipId: m.id,
      // member.manage is MEMBER_ONLY: an API key never gets here.
      inviterUserId: ctx.userId!,
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      ...actorOf(ctx),
      action: 'member.invited',
      entityType: 'membership',
      entityId: m.id,
      data: { role: data.role },
    });
    return m;
  });
}

/** A user picks their language; it wins over the browser's. */
export async function setUserLocale(userId: string, locale: TLocale) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

export async function getUser(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, locale: true },
  });
}
