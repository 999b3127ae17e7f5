// Factories for integration tests: real rows through the real schema; every tenant is new, so tests
// never share state.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { adminDb } from './db';
import type { TRole } from '../../lib/auth/permissions';
import { createInvitations } from '../../lib/distribution/create';
import { sendSurvey } from '../../lib/distribution/distribute';
import { previewSend } from '../../lib/distribution/preview';
import type { TPreviewSend } from '../../lib/distribution/schemas';
import { runJob } from '../../lib/queue/jobs';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import type { MemberContext, TenantContext } from '../../lib/tenancy/context';
import { newRoutingKey } from '../../lib/tenancy/service';
import { registry } from '../../workers/registry';

export const uid = () => randomBytes(4).toString('hex');
const silent = pino({ level: 'silent' });

export interface Member {
  userId: string;
  membershipId: string;
  email: string;
  ctx: MemberContext;
}

async function member(tenantId: string, role: TRole, label: string): Promise<Member> {
  const email = `${label}-${uid()}@test.kringloop.test`;
  const user = await adminDb.user.create({ data: { email, name: `${label} ${uid()}` } });
  const m = await adminDb.membership.create({ data: { tenantId, userId: user.id, role } });
  return {
    userId: user.id,
    membershipId: m.id,
    email,
    ctx: { tenantId, userId: user.id, membershipId: m.id, role, locale: 'en' },
  };
}

/**
 * A tenant with one member per role. The account rule is lifted (a million per company) unless a test
 * sets it: most tests send to several contacts of one company and are not about that rule.
 */
export async function makeTenant(
  overrides: { throttleDays?: number; name?: string; accountRuleMax?: number; accountRuleDays?: number } = {},
) {
  const name = overrides.name ?? `Tenant ${uid()}`;
  const tenant = await adminDb.tenant.create({
    data: {
      name,
      slug: `t-${uid()}-${uid()}`,
      senderName: name,
      routingKey: newRoutingKey(),
      throttleDays: overrides.throttleDays ?? 90,
      accountRuleMax: overrides.accountRuleMax ?? 1_000_000,
      accountRuleDays: overrides.accountRuleDays ?? 30,
    },
  });
  const [owner, admin, am, viewer] = [
    await member(tenant.id, 'OWNER', 'owner'),
    await member(tenant.id, 'ADMIN', 'admin'),
    await member(tenant.id, 'ACCOUNT_MANAGER', 'am'),
    await member(tenant.id, 'VIEWER', 'viewer'),
  ];
  return { tenant, owner, admin, am, viewer };
}
export type TestTenant = Awaited<ReturnType<typeof makeTenant>>;

export async function makeCompany(
  t: TestTenant,
  data: { ownerMembershipId?: string | null; name?: string } = {},
) {
  return adminDb.company.create({
    data: {
      tenantId: t.tenant.id,
      name: data.name ?? `Company ${uid()}`,
      externalId: `X-${uid()}`,
      ownerMembershipId: data.ownerMembershipId ?? null,
    },
  });
}

export async function makeContact(
  t: TestTenant,
  data: { companyId?: string; locale?: 'nl' | 'en'; unsubscribed?: boolean } = {},
) {
  return adminDb.contact.create({
    data: {
      tenantId: t.tenant.id,
      email: `contact-${uid()}@customer.example`,
      name: `Contact ${uid()}`,
      companyId: data.companyId ?? null,
      locale: data.locale ?? 'en',
      unsubscribedAt: data.unsubscribed ? new Date() : null,
    },
  });
}

export async function makeSurvey(t: TestTenant, status: 'DRAFT' | 'ACTIVE' = 'ACTIVE') {
  const touchpoint = await adminDb.touchpoint.create({
    data: { tenantId: t.tenant.id, name: `Support ${uid()}`, phase: 'SUPPORT' },
  });
  const survey = await adminDb.survey.create({
    data: {
      tenantId: t.tenant.id,
      touchpointId: touchpoint.id,
      name: `NPS ${uid()}`,
      status,
      texts: DEFAULT_TEXTS,
    },
  });
  return { touchpoint, survey };
}

/**
 * Runs the tenant's unpublished outbox events through the jobs they trigger (what relay + worker do),
 * marking them published; repeats until no new events appear. Returns the results per event type.
 */
export async function drainOutbox(tenantId: string) {
  const results: { type: string; result: unknown }[] = [];
  for (let round = 0; round < 10; round++) {
    const events = await adminDb.outboxEvent.findMany({
      where: { tenantId, publishedAt: null },
      orderBy: { id: 'asc' },
    });
    if (events.length === 0) break;
    for (const e of events) {
      await adminDb.outboxEvent.update({
        where: { tenantId_id: { tenantId, id: e.id } },
        data: { publishedAt: new Date() },
      });
      for (const route of registry.routes.get(e.type) ?? [])
        results.push({ type: e.type, result: await runJob(registry, route.job, e.payload, silent) });
    }
  }
  return results;
}

/**
 * What a CX manager does: look at the skip preview, confirm it, and (what the create-invitations job
 * does) create the invitations. Returns the confirmed send's summary.
 */
export async function previewAndSend(ctx: TenantContext, input: TPreviewSend) {
  const preview = await previewSend(ctx, input);
  const summary = await sendSurvey(ctx, { ...input, expectInvite: preview.invite });
  await createInvitations(
    { tenantId: ctx.tenantId, distributionId: summary.distributionId },
    { log: silent },
  );
  return summary;
}

export const TOKEN_IN_MAIL = /\/s\/([a-z2-9]{8}\.[A-Za-z0-9_-]{27})/;

// ---------------------------------------------------------------------------------------------
// Direct-insert helpers for integration tests that need rows without running the whole loop.
// ---------------------------------------------------------------------------------------------

/** Adds one more member with the given role (e.g. a second account manager). */
export async function addMember(t: TestTenant, role: TRole, label = role.toLowerCase()): Promise<Member> {
  return member(t.tenant.id, role, label);
}

/**
 * An invitation as the mail worker leaves it (SENT, token hash stored, expiring in 60 days unless
 * told otherwise), with its clear-text token.
 */
export async function makeInvitation(
  t: TestTenant,
  data: {
    surveyId: string;
    contactId: string;
    companyId?: string | null;
    locale?: 'nl' | 'en';
    status?: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'SKIPPED';
    expiresAt?: Date | null;
  },
) {
  const { newSurveyToken } = await import('../../lib/distribution/tokens');
  const { token, hash } = newSurveyToken(t.tenant.routingKey);
  const invitation = await adminDb.invitation.create({
    data: {
      tenantId: t.tenant.id,
      surveyId: data.surveyId,
      contactId: data.contactId,
      companyId: data.companyId ?? null,
      locale: data.locale ?? 'en',
      status: data.status ?? 'SENT',
      tokenHash: hash,
      attempts: 1,
      sentAt: new Date(),
      expiresAt: data.expiresAt === undefined ? new Date(Date.now() + 60 * 86_400_000) : data.expiresAt,
    },
  });
  return { invitation, token };
}

/** A response inserted directly (with its invitation), at a chosen moment and score. */
export async function makeResponse(
  t: TestTenant,
  data: {
    survey: { id: string; touchpointId: string };
    contact: { id: string; companyId: string | null };
    score: number;
    submittedAt?: Date;
    comment?: string | null;
  },
) {
  const { categoryOf } = await import('../../lib/nps');
  const { invitation } = await makeInvitation(t, {
    surveyId: data.survey.id,
    contactId: data.contact.id,
    companyId: data.contact.companyId,
  });
  const submittedAt = data.submittedAt ?? new Date();
  return adminDb.response.create({
    data: {
      tenantId: t.tenant.id,
      invitationId: invitation.id,
      surveyId: data.survey.id,
      touchpointId: data.survey.touchpointId,
      contactId: data.contact.id,
      companyId: data.contact.companyId,
      score: data.score,
      category: categoryOf(data.score),
      comment: data.comment ?? null,
      locale: 'en',
      submittedAt,
      updatedAt: submittedAt,
    },
  });
}
