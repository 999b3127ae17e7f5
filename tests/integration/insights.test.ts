import { beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { createTaskForResponse } from '../../lib/followup/create-task';
import { dashboard } from '../../lib/insights/dashboard';
import { resolvePeriod } from '../../lib/insights/period';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import { makeContact, makeResponse, makeTenant, uid, type TestTenant } from '../support/factories';

async function touchpointWithSurvey(t: TestTenant, phase: 'SUPPORT' | 'SALES', name: string) {
  const touchpoint = await adminDb.touchpoint.create({
    data: { tenantId: t.tenant.id, name: `${name} ${uid()}`, phase },
  });
  const survey = await adminDb.survey.create({
    data: {
      tenantId: t.tenant.id,
      touchpointId: touchpoint.id,
      name: `NPS ${name}`,
      status: 'ACTIVE',
      texts: DEFAULT_TEXTS,
    },
  });
  return { touchpoint, survey };
}

describe('resolvePeriod', () => {
  it('spans [from 00:00, to + 1 day 00:00) in the tenant time zone, across DST', () => {
    const p = resolvePeriod({ from: '2026-01-01', to: '2026-02-28' }, 'Europe/Amsterdam');
    expect(p.fromUtc.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(p.toUtc.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    // Summer time starts 29 March: 1 April 00:00 CEST is 31 March 22:00 UTC.
    const dst = resolvePeriod({ from: '2026-03-28', to: '2026-03-31' }, 'Europe/Amsterdam');
    expect(dst.fromUtc.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(dst.toUtc.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    const ny = resolvePeriod({ from: '2026-07-01', to: '2026-07-01' }, 'America/New_York');
    expect([ny.fromUtc.toISOString(), ny.toUtc.toISOString()]).toEqual([
      '2026-07-01T04:00:00.000Z',
      '2026-07-02T04:00:00.000Z',
    ]);
  });

  it('defaults to the last 12 months up to today, local', () => {
    const p = resolvePeriod({}, 'Europe/Amsterdam', new Date('2026-11-23T23:30:00Z')); // 24 Nov 00:30 local
    expect(p.from).toBe('2025-12-01');
    expect(p.to).toBe('2026-11-24');
  });
});

describe('dashboard without answers', () => {
  it('has no NPS (null, not 0), n = 0, and an empty trend', async () => {
    const t = await makeTenant();
    const d = await dashboard(t.viewer.ctx);
    expect(d.summary).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
      n: 0,
      nps: null,
      low: null,
      high: null,
      share: null,
      enough: false,
    });
    expect(d.trend).toHaveLength(12);
    expect(d.trend.every((p) => p.n === 0 && p.nps === null)).toBe(true);
    expect(d.comparison?.change).toMatchObject({ difference: null, significant: false, comparable: false });
    expect(d.byTouchpoint).toEqual([]);
    expect(d.byPhase).toEqual([]);
    expect(d.byBusinessUnit).toEqual([]);
    expect(d.recentComments).toEqual([]);
    expect(d.loop).toEqual({ total: 0, open: 0, overdue: 0, done: 0, doneInTime: 0 });
    expect(d.timeZone).toBe('Europe/Amsterdam');
  });
});

describe('dashboard with known data', () => {
  let t: TestTenant;
  let support: Awaited<ReturnType<typeof touchpointWithSurvey>>;
  let sales: Awaited<ReturnType<typeof touchpointWithSurvey>>;
  let northId: string;
  const PERIOD = { from: '2026-01-01', to: '2026-02-28' };

  beforeAll(async () => {
    t = await makeTenant();
    support = await touchpointWithSurvey(t, 'SUPPORT', 'Support');
    sales = await touchpointWithSurvey(t, 'SALES', 'Sales');
    const north = await adminDb.businessUnit.create({ data: { tenantId: t.tenant.id, name: 'North' } });
    northId = north.id;
    const company = await adminDb.company.create({
      data: { tenantId: t.tenant.id, name: 'Noord BV', businessUnitId: north.id },
    });
    const loose = await makeContact(t); // no company, no business unit
    const northContact = await makeContact(t, { companyId: company.id });

    // [touchpoint, score, submittedAt (UTC), comment]; local months are Europe/Amsterdam (UTC+1 in winter).
    const rows: ['support' | 'sales', number, string, string | null][] = [
      ['support', 10, '2026-01-10T10:00:00Z', 'Great help'],
      ['support', 9, '2026-01-12T10:00:00Z', null],
      ['support', 3, '2026-01-14T10:00:00Z', 'Slow'],
      ['sales', 7, '2026-01-15T10:00:00Z', null],
      ['sales', 9, '2025-12-31T23:30:00Z', null], // 1 January 00:30 local: January
      ['support', 0, '2026-01-31T23:30:00Z', 'Worst ever'], // 1 February 00:30 local: February
      ['support', 8, '2026-02-10T10:00:00Z', 'Fine'],
      ['sales', 10, '2026-02-20T10:00:00Z', null],
      ['sales', 10, '2026-02-21T10:00:00Z', 'Top'],
      ['sales', 6, '2026-02-22T10:00:00Z', null],
      // outside the period:
      ['support', 10, '2025-12-31T22:59:00Z', 'Old year'], // 31 December 23:59 local
      ['sales', 0, '2026-02-28T23:00:00Z', 'Next month'], // 1 March 00:00 local
    ];
    const responses: { id: string }[] = [];
    for (const [tp, score, at, comment] of rows) {
      const s = tp === 'support' ? support.survey : sales.survey;
      const contact = tp === 'support' ? loose : northContact;
      responses.push(
        await makeResponse(t, { survey: s, contact, score, submittedAt: new Date(at), comment }),
      );
    }
    // A follow-up task for every answer, then a known state for the loop health counts.
    const tasks: string[] = [];
    for (const r of responses)
      tasks.push((await createTaskForResponse({ tenantId: t.tenant.id, responseId: r.id }))!.taskId);
    const hour = 3_600_000;
    const future = new Date(Date.now() + 48 * hour);
    const past = new Date(Date.now() - 48 * hour);
    const set = (i: number, data: object) =>
      adminDb.followUpTask.update({ where: { tenantId_id: { tenantId: t.tenant.id, id: tasks[i]! } }, data });
    // Inside the period (0-9): 2 done in time, 1 done late, 3 open and overdue, 4 open and not due yet.
    await set(0, { status: 'DONE', dueAt: past, closedAt: new Date(past.getTime() - hour) });
    await set(1, { status: 'DONE', dueAt: past, closedAt: past });
    await set(2, { status: 'DONE', dueAt: past, closedAt: new Date(past.getTime() + hour) });
    await set(3, { status: 'OPEN', dueAt: past });
    await set(4, { status: 'IN_PROGRESS', dueAt: past });
    await set(5, { status: 'OPEN', dueAt: new Date(Date.now() - 60_000) });
    for (const i of [6, 7, 8]) await set(i, { status: 'OPEN', dueAt: future });
    await set(9, { status: 'IN_PROGRESS', dueAt: future });
    // Outside the period: overdue and done, must not count.
    await set(10, { status: 'OPEN', dueAt: past });
    await set(11, { status: 'DONE', dueAt: future, closedAt: past });
  });

  it('summarises the period exactly', async () => {
    const d = await dashboard(t.admin.ctx, PERIOD);
    expect(d.period).toEqual(PERIOD);
    expect(d.summary).toMatchObject({ n: 10, promoters: 5, passives: 2, detractors: 3 });
    expect(d.summary.nps).toBeCloseTo(20, 10);
    expect(d.summary.share).toEqual({ promoters: 0.5, passives: 0.2, detractors: 0.3 });
    expect(d.summary.low!).toBeLessThan(20);
    expect(d.summary.high!).toBeGreaterThan(20);
  });

  it('trends per month in the tenant time zone', async () => {
    const d = await dashboard(t.admin.ctx, PERIOD);
    expect(d.trend.map((m) => [m.label, m.n, m.promoters, m.passives, m.detractors])).toEqual([
      ['2026-01', 5, 3, 1, 1],
      ['2026-02', 5, 2, 1, 2],
    ]);
    expect(d.trend[0]!.nps).toBeCloseTo(40, 10);
    expect(d.trend[1]!.nps).toBeCloseTo(0, 10);
  });

  it('breaks down by touchpoint, phase and business unit', async () => {
    const d = await dashboard(t.admin.ctx, PERIOD);
    const byTp = Object.fromEntries(d.byTouchpoint.map((x) => [x.id, x]));
    expect(d.byTouchpoint).toHaveLength(2);
    expect(byTp[support.touchpoint.id]).toMatchObject({
      name: support.touchpoint.name,
      phase: 'SUPPORT',
      n: 5,
      promoters: 2,
      passives: 1,
      detractors: 2,
    });
    expect(byTp[support.touchpoint.id]!.nps).toBeCloseTo(0, 10);
    expect(byTp[sales.touchpoint.id]).toMatchObject({
      name: sales.touchpoint.name,
      phase: 'SALES',
      n: 5,
      promoters: 3,
      passives: 1,
      detractors: 1,
    });
    expect(byTp[sales.touchpoint.id]!.nps).toBeCloseTo(40, 10);
    expect(d.byPhase.map((p) => [p.phase, p.n])).toEqual([
      ['SALES', 5],
      ['SUPPORT', 5],
    ]);
    expect(d.byBusinessUnit.map((u) => [u.id, u.name, u.n])).toEqual([
      [northId, 'North', 5],
      [null, null, 5],
    ]);
  });

  it('filters the period: rows outside [from, to] in local time are excluded', async () => {
    const jan = await dashboard(t.admin.ctx, { from: '2026-01-01', to: '2026-01-31' });
    expect(jan.summary).toMatchObject({ n: 5, promoters: 3, passives: 1, detractors: 1 });
    expect(jan.trend.map((m) => m.label)).toEqual(['2026-01']);
    const feb = await dashboard(t.admin.ctx, { from: '2026-02-01', to: '2026-02-28' });
    expect(feb.summary).toMatchObject({ n: 5, promoters: 2, passives: 1, detractors: 2 });
    expect(feb.trend.map((m) => m.label)).toEqual(['2026-02']);
    // Widened by one day on each side, the two outside rows come in.
    const wide = await dashboard(t.admin.ctx, { from: '2025-12-31', to: '2026-03-01' });
    expect(wide.summary.n).toBe(12);
    expect(wide.trend.map((m) => [m.label, m.n])).toEqual([
      ['2025-12', 1],
      ['2026-01', 5],
      ['2026-02', 5],
      ['2026-03', 1],
    ]);
    // from after to is refused, naming the field.
    await expect(dashboard(t.admin.ctx, { from: PERIOD.to, to: PERIOD.from })).rejects.toMatchObject({
      status: 400,
      details: { fields: { to: 'the end of the period comes before its start' } },
    });
  });

  it('filters by touchpoint and business unit', async () => {
    const d = await dashboard(t.admin.ctx, { ...PERIOD, touchpointId: sales.touchpoint.id });
    expect(d.summary).toMatchObject({ n: 5, promoters: 3, passives: 1, detractors: 1 });
    expect(d.summary.nps).toBeCloseTo(40, 10);
    expect(d.byTouchpoint.map((x) => x.id)).toEqual([sales.touchpoint.id]);
    expect(d.trend.map((m) => [m.label, m.n])).toEqual([
      ['2026-01', 2],
      ['2026-02', 3],
    ]);
    expect(d.trend[0]!.nps).toBeCloseTo(50, 10);
    expect(d.trend[1]!.nps).toBeCloseTo(100 / 3, 10);
    const bu = await dashboard(t.admin.ctx, { ...PERIOD, businessUnitId: northId });
    expect(bu.summary.n).toBe(5);
    // A malformed id is a 400 naming the field; a well-formed unknown one an empty result.
    await expect(dashboard(t.admin.ctx, { ...PERIOD, touchpointId: 'abc' })).rejects.toMatchObject({
      status: 400,
      details: { fields: { touchpointId: expect.any(String) } },
    });
    const unknown = await dashboard(t.admin.ctx, {
      ...PERIOD,
      touchpointId: '0190a000-0000-7000-8000-000000000000',
    });
    expect(unknown.summary).toMatchObject({ n: 0, nps: null });
  });

  it('lists recent comments, newest first', async () => {
    const d = await dashboard(t.admin.ctx, PERIOD);
    expect(d.recentComments.map((c) => c.comment)).toEqual([
      'Top',
      'Fine',
      'Worst ever',
      'Slow',
      'Great help',
    ]);
  });

  it('counts the loop health of the period: open, overdue, done, done in time', async () => {
    const d = await dashboard(t.admin.ctx, PERIOD);
    expect(d.loop).toEqual({ total: 10, open: 7, overdue: 3, done: 3, doneInTime: 2 });
    const sales_ = await dashboard(t.admin.ctx, { ...PERIOD, touchpointId: sales.touchpoint.id });
    // Sales rows are indexes 3, 4, 7, 8, 9: open 5, overdue 2 (3 and 4), none done.
    expect(sales_.loop).toEqual({ total: 5, open: 5, overdue: 2, done: 0, doneInTime: 0 });
  });
});

describe('the default period (last 12 months up to today, local)', () => {
  it('includes recent answers, leaves out older ones, and is the same for every role', async () => {
    const t = await makeTenant();
    const { survey } = await touchpointWithSurvey(t, 'SUPPORT', 'Recent');
    const contact = await makeContact(t);
    const day = 86_400_000;
    // The period starts on the 1st of the month 11 months back: at least ~334 days ago and at most
    // 365. So 2 hours, 10 days and 200 days ago are always inside, 400 days ago always outside.
    const rows: [score: number, daysAgo: number][] = [
      [10, 2 / 24],
      [9, 10],
      [3, 200],
      [0, 400],
    ];
    for (const [score, ago] of rows)
      await makeResponse(t, { survey, contact, score, submittedAt: new Date(Date.now() - ago * day) });
    const d = await dashboard(t.viewer.ctx);
    expect(d.summary).toMatchObject({ n: 3, promoters: 2, passives: 0, detractors: 1 });
    for (const m of [t.owner, t.admin, t.am]) expect((await dashboard(m.ctx)).summary).toEqual(d.summary);
  });
});
