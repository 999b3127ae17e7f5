// Relationship cadence: every contact of every active company once per cycle, spread over the days
// (no day over its share + 1), idempotent per day, within the fatigue rules; time moves by `at`.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { cycleOf, relationshipOutlook, runRelationshipDay } from '../../lib/distribution/relationship';
import { runJob } from '../../lib/queue/jobs';
import { createTouchpoint } from '../../lib/surveys/service';
import { registry } from '../../workers/registry';
import {
  makeCompany,
  makeResponse,
  makeSurvey,
  makeTenant,
  uid,
  type TestTenant,
} from '../support/factories';

const silent = pino({ level: 'silent' });
const DAY = 86_400_000;

async function population(t: TestTenant, companies: number, perCompany: number) {
  const made = [];
  for (let c = 0; c < companies; c++) {
    const company = await makeCompany(t);
    made.push(company);
    await adminDb.contact.createMany({
      data: Array.from({ length: perCompany }, (_, i) => ({
        tenantId: t.tenant.id,
        companyId: company.id,
        email: `rel-${c}-${i}-${uid()}@customer.example`,
      })),
    });
  }
  return made;
}

async function relationshipTouchpoint(t: TestTenant, cadenceMonths: number) {
  const tp = await createTouchpoint(t.admin.ctx, {
    name: `Relationship ${uid()}`,
    phase: 'ACCOUNT_MANAGEMENT',
    kind: 'RELATIONSHIP',
    cadenceMonths,
  });
  const survey = await adminDb.survey.create({
    data: {
      tenantId: t.tenant.id,
      touchpointId: tp.id,
      name: 'Relationship NPS',
      status: 'ACTIVE',
      texts: {},
    },
  });
  return { tp, survey };
}

describe('relationship cadence', () => {
  it('surveys every contact once per cycle, no day over its share + 1, idempotent per day', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    await population(t, 7, 11); // 77 contacts
    const inactive = (await population(t, 1, 5))[0]!;
    await adminDb.company.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: inactive.id } },
      data: { active: false },
    });
    const { tp } = await relationshipTouchpoint(t, 1); // a 30-day cycle
    // Start on the first day of a cycle, at 07:00.
    const cycle = cycleOf(new Date(), 1);
    const start = new Date(cycle.cycleStart.getTime() + cycle.days * DAY + 7 * 3_600_000);
    expect(cycleOf(start, 1)).toMatchObject({ days: 30, remaining: 30 });

    const perDay: number[] = [];
    for (let d = 0; d < 30; d++) {
      const at = new Date(start.getTime() + d * DAY).toISOString();
      const before = await adminDb.invitation.count({ where: { tenantId: t.tenant.id } });
      await runJob(registry, 'relationship-cadence', { at }, silent);
      // A second run on the same day (a retry, a second worker) adds nothing.
      await runJob(registry, 'relationship-cadence', { at }, silent);
      perDay.push((await adminDb.invitation.count({ where: { tenantId: t.tenant.id } })) - before);
    }
    const share = 77 / 30;
    expect(Math.max(...perDay)).toBeLessThanOrEqual(share + 1);
    expect(perDay.every((n) => n >= 1)).toBe(true); // continuous, never one wave
    const invs = await adminDb.invitation.findMany({ where: { tenantId: t.tenant.id } });
    expect(invs).toHaveLength(77);
    expect(new Set(invs.map((i) => i.contactId)).size).toBe(77);
    expect(invs.every((i) => i.status === 'PENDING' && i.companyId !== inactive.id)).toBe(true);
    expect(
      await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'invitation.send' } }),
    ).toBe(77);

    // The next cycle starts over.
    const next = await runRelationshipDay(t.tenant.id, tp.id, new Date(start.getTime() + 30 * DAY), silent);
    expect(next).toMatchObject({ outcome: 'invited', quota: 3, invited: 3, due: 77 });
  });

  it('respects the fatigue rules: held-back contacts stay due; the outlook shows who is due this week', async () => {
    const t = await makeTenant({ throttleDays: 90, accountRuleMax: 1, accountRuleDays: 30 });
    const [acme, globex] = await population(t, 2, 3);
    const { tp } = await relationshipTouchpoint(t, 12);
    // Globex has an open detractor follow-up: quiet period.
    const { survey } = await makeSurvey(t);
    const g = await adminDb.contact.findFirstOrThrow({
      where: { tenantId: t.tenant.id, companyId: globex!.id },
    });
    const r = await makeResponse(t, { survey, contact: g, score: 2 });
    await adminDb.followUpTask.create({
      data: {
        tenantId: t.tenant.id,
        responseId: r.id,
        companyId: globex!.id,
        category: 'DETRACTOR',
        dueAt: new Date(),
      },
    });
    const outlook = await relationshipOutlook(t.admin.ctx, tp.id);
    expect(outlook).toMatchObject({ due: 6, surveyed: 0, cycle: { days: 365 } });
    expect(outlook.week).toBeGreaterThan(0);
    expect(outlook.rows).toHaveLength(outlook.week);

    // Six contacts over 365 days: one a day at most; the account rule allows one per company a month.
    const now = new Date();
    const results = [];
    for (let d = 0; d < 4; d++)
      results.push(await runRelationshipDay(t.tenant.id, tp.id, new Date(now.getTime() + d * DAY), silent));
    const invs = await adminDb.invitation.findMany({
      where: { tenantId: t.tenant.id, survey: { touchpointId: tp.id } },
    });
    // Only Acme gets anyone (Globex is quiet), and Acme only one within 30 days.
    expect(invs).toHaveLength(1);
    expect(invs[0]!.companyId).toBe(acme!.id);
    expect(results.filter((x) => x.outcome === 'invited' && x.invited === 0).length).toBeGreaterThan(0);
  });

  it('a cadence that cannot be met is a 400 naming the field', async () => {
    const t = await makeTenant();
    for (const cadenceMonths of [0, -6]) {
      const err = await createTouchpoint(t.admin.ctx, {
        name: `Bad ${uid()}`,
        phase: 'SUPPORT',
        kind: 'RELATIONSHIP',
        cadenceMonths,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 400, details: { fields: { cadenceMonths: expect.any(String) } } });
    }
    const missing = await createTouchpoint(t.admin.ctx, {
      name: `Bad ${uid()}`,
      phase: 'SUPPORT',
      kind: 'RELATIONSHIP',
    }).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      status: 400,
      details: { fields: { cadenceMonths: expect.any(String) } },
    });
  });
});
