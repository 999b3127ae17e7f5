// The fatigue rules and the skip preview: every reason, the account rule across touchpoints, the
// detractor quiet period, and the preview's figures equal to what the confirmed send then creates
// (in batches smaller than the audience, so the batch boundaries are crossed).
import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { createInvitations } from '../../lib/distribution/create';
import { sendSurvey } from '../../lib/distribution/distribute';
import { previewSend, skippedPage, writeSkippedCsv } from '../../lib/distribution/preview';
import { SKIP_REASONS } from '../../lib/distribution/fatigue';
import { updateTenantSettings } from '../../lib/tenancy/service';
import {
  makeCompany,
  makeContact,
  makeResponse,
  makeSurvey,
  makeTenant,
  previewAndSend,
  uid,
  type TestTenant,
} from '../support/factories';

async function statusByContact(t: TestTenant, distributionId: string) {
  const rows = await adminDb.invitation.findMany({ where: { tenantId: t.tenant.id, distributionId } });
  return new Map(rows.map((r) => [r.contactId, r.skipReason ?? r.status]));
}

describe('fatigue rules', () => {
  it('the account rule: at most K invitations per company in D days, across touchpoints', async () => {
    const t = await makeTenant({ accountRuleMax: 2, accountRuleDays: 30, throttleDays: 90 });
    const acme = await makeCompany(t);
    const contacts = [];
    for (let i = 0; i < 5; i++) contacts.push(await makeContact(t, { companyId: acme.id }));
    const loner = await makeContact(t); // no company: the account rule does not apply
    const first = await makeSurvey(t);
    const second = await makeSurvey(t); // another touchpoint

    const s1 = await previewAndSend(t.admin.ctx, {
      surveyId: first.survey.id,
      audience: { type: 'contacts', contactIds: [contacts[0]!.id, loner.id] },
    });
    expect(s1).toMatchObject({ total: 2, queued: 2 });
    // One place left for Acme: the lowest contact id of the rest gets it (the first is in its rest period).
    const s2 = await previewAndSend(t.admin.ctx, { surveyId: second.survey.id, audience: { type: 'all' } });
    expect(s2).toMatchObject({ total: 6, queued: 1, skipped: { ACCOUNT_FATIGUE: 3, THROTTLED: 2 } });
    const st = await statusByContact(t, s2.distributionId);
    const rest = contacts
      .slice(1)
      .map((c) => c.id)
      .sort();
    expect(st.get(rest[0]!)).toBe('PENDING');
    expect(st.get(contacts[0]!.id)).toBe('THROTTLED');
    expect(st.get(loner.id)).toBe('THROTTLED');
    for (const id of rest.slice(1)) expect(st.get(id)).toBe('ACCOUNT_FATIGUE');

    // Older than D days no longer counts.
    await adminDb.invitation.updateMany({
      where: { tenantId: t.tenant.id, companyId: acme.id },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const p = await previewSend(t.admin.ctx, {
      surveyId: second.survey.id,
      audience: { type: 'companies', companyIds: [acme.id] },
    });
    expect(p).toMatchObject({ total: 5, invite: 2, skipped: { ACCOUNT_FATIGUE: 1, THROTTLED: 2 } });
  });

  it('a quiet period while a detractor follow-up of the company is open', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const acme = await makeCompany(t);
    const other = await makeCompany(t);
    const a = await makeContact(t, { companyId: acme.id });
    await makeContact(t, { companyId: acme.id });
    await makeContact(t, { companyId: other.id });
    const { survey } = await makeSurvey(t);
    const response = await makeResponse(t, { survey, contact: a, score: 3 });
    const task = await adminDb.followUpTask.create({
      data: {
        tenantId: t.tenant.id,
        responseId: response.id,
        companyId: acme.id,
        category: 'DETRACTOR',
        status: 'IN_PROGRESS',
        dueAt: new Date(),
      },
    });
    const audience = { type: 'all' as const };
    expect(await previewSend(t.admin.ctx, { surveyId: survey.id, audience })).toMatchObject({
      total: 3,
      invite: 1,
      skipped: { DETRACTOR_FOLLOW_UP: 2 },
    });
    // A passive's open follow-up does not silence the company; a closed detractor follow-up neither.
    await adminDb.followUpTask.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: task.id } },
      data: { category: 'PASSIVE' },
    });
    expect(await previewSend(t.admin.ctx, { surveyId: survey.id, audience })).toMatchObject({ invite: 3 });
    await adminDb.followUpTask.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: task.id } },
      data: { category: 'DETRACTOR', status: 'DONE', closedAt: new Date() },
    });
    expect(await previewSend(t.admin.ctx, { surveyId: survey.id, audience })).toMatchObject({ invite: 3 });
  });

  it('no email and inactive company are reasons too; one reason per contact, in a fixed order', async () => {
    const t = await makeTenant();
    const gone = await makeCompany(t);
    await adminDb.company.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: gone.id } },
      data: { active: false },
    });
    const unsubAtGone = await makeContact(t, { companyId: gone.id, unsubscribed: true });
    const noEmail = await makeContact(t);
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: noEmail.id } },
      data: { email: `no-address-${uid()}` },
    });
    const { survey } = await makeSurvey(t);
    const s = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    expect(s).toMatchObject({ total: 2, queued: 0, skipped: { INACTIVE_COMPANY: 1, NO_EMAIL: 1 } });
    const st = await statusByContact(t, s.distributionId);
    expect(st.get(unsubAtGone.id)).toBe('INACTIVE_COMPANY');
    expect(st.get(noEmail.id)).toBe('NO_EMAIL');
  });

  it('K = 0 or D <= 0 is a 400 naming the field', async () => {
    const t = await makeTenant();
    const base = {
      name: t.tenant.name,
      senderName: t.tenant.senderName,
      defaultLocale: 'nl' as const,
      timeZone: 'Europe/Amsterdam',
      throttleDays: 90,
      slaDetractorDays: 2,
      slaPassiveDays: 5,
      slaPromoterDays: 7,
    };
    for (const [field, bad] of [
      ['accountRuleMax', { accountRuleMax: 0, accountRuleDays: 30 }],
      ['accountRuleDays', { accountRuleMax: 1, accountRuleDays: 0 }],
      ['accountRuleDays', { accountRuleMax: 1, accountRuleDays: -5 }],
    ] as const) {
      const err = await updateTenantSettings(t.admin.ctx, { ...base, ...bad }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 400 });
      expect(Object.keys((err as AppError & { details: { fields: object } }).details.fields)).toEqual([
        field,
      ]);
    }
    await updateTenantSettings(t.admin.ctx, { ...base, accountRuleMax: 3, accountRuleDays: 14 });
    expect(await adminDb.tenant.findUniqueOrThrow({ where: { id: t.tenant.id } })).toMatchObject({
      accountRuleMax: 3,
      accountRuleDays: 14,
    });
  });
});

describe('the skip preview', () => {
  it('counts equal what the confirmed send then does, across batch boundaries; pages and CSV list who', async () => {
    const t = await makeTenant({ accountRuleMax: 2, accountRuleDays: 30, throttleDays: 60 });
    const { survey } = await makeSurvey(t);
    const companies = [];
    for (let i = 0; i < 6; i++) companies.push(await makeCompany(t));
    const gone = await makeCompany(t);
    await adminDb.company.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: gone.id } },
      data: { active: false },
    });
    // 6 companies x 9 contacts, some unsubscribed or bounced, plus an inactive company's 4.
    const rows = [];
    for (const [ci, c] of [...companies, gone].entries())
      for (let i = 0; i < (c === gone ? 4 : 9); i++)
        rows.push({
          tenantId: t.tenant.id,
          companyId: c.id,
          email: `p-${ci}-${i}-${uid()}@customer.example`,
          unsubscribedAt: i === 3 ? new Date() : null,
          bouncedAt: i === 5 ? new Date() : null,
        });
    await adminDb.contact.createMany({ data: rows });
    // Company 0 was invited recently (one invitation: one place left); company 1 has a detractor follow-up.
    const c0 = await adminDb.contact.findFirstOrThrow({
      where: { tenantId: t.tenant.id, companyId: companies[0]!.id, unsubscribedAt: null, bouncedAt: null },
    });
    const earlier = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [c0.id] },
    });
    expect(earlier.queued).toBe(1);
    const c1 = await adminDb.contact.findFirstOrThrow({
      where: { tenantId: t.tenant.id, companyId: companies[1]!.id },
    });
    const response = await makeResponse(t, { survey, contact: c1, score: 1 });
    await adminDb.followUpTask.create({
      data: {
        tenantId: t.tenant.id,
        responseId: response.id,
        companyId: companies[1]!.id,
        category: 'DETRACTOR',
        dueAt: new Date(),
      },
    });

    const input = { surveyId: survey.id, audience: { type: 'all' as const } };
    const preview = await previewSend(t.admin.ctx, input);
    expect(preview.total).toBe(6 * 9 + 4);
    expect(preview.skipped).toMatchObject({
      INACTIVE_COMPANY: 4,
      UNSUBSCRIBED: 6, // one per active company: these reasons come before the quiet period
      BOUNCED: 6,
      THROTTLED: 2, // company 0's earlier invitation, and the detractor's own
      DETRACTOR_FOLLOW_UP: 6,
      ACCOUNT_FATIGUE: 5 + 4 * 5, // company 0: one place for 6; companies 2-5: two places for 7
    });
    expect(preview.invite + Object.values(preview.skipped).reduce((a, b) => a + b, 0)).toBe(preview.total);

    // Who, a page at a time, and the same people in the CSV.
    const fatigued = [];
    let after: string | undefined;
    do {
      const page = await skippedPage(t.admin.ctx, { ...input, reason: 'ACCOUNT_FATIGUE', after });
      fatigued.push(...page.rows);
      after = page.next ?? undefined;
    } while (after);
    expect(fatigued).toHaveLength(preview.skipped.ACCOUNT_FATIGUE);
    let csv = '';
    await writeSkippedCsv(t.admin.ctx, input, async (c) => void (csv += c), {
      header: ['reason', 'email', 'name', 'company'],
      reason: Object.fromEntries(SKIP_REASONS.map((r) => [r, r])) as Record<
        (typeof SKIP_REASONS)[number],
        string
      >,
    });
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + preview.total - preview.invite);
    expect(lines.filter((l) => l.startsWith('"ACCOUNT_FATIGUE"'))).toHaveLength(
      preview.skipped.ACCOUNT_FATIGUE,
    );
    for (const f of fatigued) expect(csv).toContain(f.email);

    // The send, in batches of 7 contacts: the same figures, and the same people skipped.
    const summary = await sendSurvey(t.admin.ctx, { ...input, expectInvite: preview.invite });
    expect(
      await createInvitations(
        { tenantId: t.tenant.id, distributionId: summary.distributionId },
        { batchSize: 7 },
      ),
    ).toBe('prepared');
    const made = await adminDb.invitation.groupBy({
      by: ['status', 'skipReason'],
      where: { tenantId: t.tenant.id, distributionId: summary.distributionId },
      _count: { _all: true },
    });
    const count = (status: string, reason: string | null) =>
      made.find((m) => m.status === status && m.skipReason === reason)?._count._all ?? 0;
    expect(count('PENDING', null)).toBe(preview.invite);
    for (const r of SKIP_REASONS) expect(count('SKIPPED', r), r).toBe(preview.skipped[r]);
    const st = await statusByContact(t, summary.distributionId);
    for (const f of fatigued) expect(st.get(f.contactId)).toBe('ACCOUNT_FATIGUE');
    // Every company got at most 2 invitations in the period, the earlier one included.
    const perCompany = await adminDb.invitation.groupBy({
      by: ['companyId'],
      where: { tenantId: t.tenant.id, status: { in: ['PENDING', 'SENDING', 'SENT'] } },
      _count: { _all: true },
    });
    for (const c of perCompany) expect(c._count._all).toBeLessThanOrEqual(2);
    expect(
      await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'invitation.send' } }),
    ).toBe(1 + preview.invite);
  });

  it('a confirmation whose preview no longer holds is refused (409) and creates nothing', async () => {
    const t = await makeTenant();
    const a = await makeContact(t);
    await makeContact(t);
    const { survey } = await makeSurvey(t);
    const input = { surveyId: survey.id, audience: { type: 'all' as const } };
    const preview = await previewSend(t.admin.ctx, input);
    expect(preview.invite).toBe(2);
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: a.id } },
      data: { unsubscribedAt: new Date() },
    });
    const err = await sendSurvey(t.admin.ctx, { ...input, expectInvite: preview.invite }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(await adminDb.distribution.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await adminDb.invitation.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });
});
