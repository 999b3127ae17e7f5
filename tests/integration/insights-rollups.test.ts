// Insights rollups: equal to the raw answers after inserts, a category change, a business-unit move
// and a time-zone boundary; a rebuild is idempotent; the reconcile finds and repairs a difference; the
// dashboard gives the same figures from rollups as from raw rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../lib/insights/dashboard';
import { todayIn } from '../../lib/insights/period';
import { rebuild, reconcileTenant, rollUpTenant } from '../../lib/insights/rollup';
import { submitAnswer } from '../../lib/responses/public';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import { adminDb } from '../support/db';
import {
  drainOutbox,
  makeContact,
  makeInvitation,
  makeResponse,
  makeTenant,
  uid,
  type TestTenant,
} from '../support/factories';

const TZ = 'Europe/Amsterdam';
const DAY = 86_400_000;

type Key = string;
/** Expected counts per (day, touchpoint, business unit), computed in JS from the raw rows. */
async function rawCounts(tenantId: string, before: string): Promise<Map<Key, [number, number, number]>> {
  const rows = await adminDb.response.findMany({
    where: { tenantId },
    select: {
      submittedAt: true,
      touchpointId: true,
      category: true,
      company: { select: { businessUnitId: true } },
    },
  });
  const out = new Map<Key, [number, number, number]>();
  for (const r of rows) {
    const day = todayIn(TZ, r.submittedAt);
    if (day > before) continue;
    const k = `${day}|${r.touchpointId}|${r.company?.businessUnitId ?? '-'}`;
    const c = out.get(k) ?? [0, 0, 0];
    c[r.category === 'PROMOTER' ? 0 : r.category === 'PASSIVE' ? 1 : 2]++;
    out.set(k, c);
  }
  return out;
}

async function rollupCounts(tenantId: string): Promise<Map<Key, [number, number, number]>> {
  const rows = await adminDb.insightDaily.findMany({ where: { tenantId } });
  const out = new Map<Key, [number, number, number]>();
  for (const r of rows) {
    const k = `${r.day.toISOString().slice(0, 10)}|${r.touchpointId}|${r.businessUnitId ?? '-'}`;
    const c = out.get(k) ?? [0, 0, 0];
    out.set(k, [c[0] + r.promoters, c[1] + r.passives, c[2] + r.detractors]);
  }
  return out;
}

const sorted = (m: Map<Key, unknown>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('insights rollups', () => {
  let t: TestTenant;
  let survey: { id: string; touchpointId: string };
  let north: { id: string };
  let south: { id: string };
  let acme: { id: string };
  let acmeContact: { id: string; companyId: string | null };
  let loose: { id: string; companyId: string | null };
  // Rolled up through yesterday as seen from NOW (local): everything before 2026-04-01.
  const NOW = new Date('2026-04-01T10:00:00Z');

  beforeAll(async () => {
    t = await makeTenant();
    const tp = await adminDb.touchpoint.create({
      data: { tenantId: t.tenant.id, name: `Support ${uid()}`, phase: 'SUPPORT' },
    });
    survey = await adminDb.survey.create({
      data: {
        tenantId: t.tenant.id,
        touchpointId: tp.id,
        name: 'NPS',
        status: 'ACTIVE',
        texts: DEFAULT_TEXTS,
      },
    });
    north = await adminDb.businessUnit.create({ data: { tenantId: t.tenant.id, name: 'North' } });
    south = await adminDb.businessUnit.create({ data: { tenantId: t.tenant.id, name: 'South' } });
    acme = await adminDb.company.create({
      data: { tenantId: t.tenant.id, name: 'Acme', businessUnitId: north.id },
    });
    acmeContact = await makeContact(t, { companyId: acme.id });
    loose = await makeContact(t);
    const rows: [number, string, boolean][] = [
      [10, '2026-01-10T10:00:00Z', true],
      [9, '2026-01-10T11:00:00Z', false],
      [3, '2026-01-12T10:00:00Z', true],
      [8, '2026-01-31T22:30:00Z', true], // 23:30 local on the last day of January: January 31
      [0, '2026-01-31T23:30:00Z', true], // 00:30 local on 1 February
      [7, '2026-03-31T21:59:00Z', false], // 23:59 local (summer time) on 31 March: the last closed day
      [10, '2026-03-31T22:01:00Z', true], // 00:01 local on 1 April: today, read raw
    ];
    for (const [score, at, atAcme] of rows)
      await makeResponse(t, {
        survey,
        contact: atAcme ? acmeContact : loose,
        score,
        submittedAt: new Date(at),
      });
  });

  it('a rebuild equals the raw answers, cuts days in local time, and is idempotent', async () => {
    const r = await rebuild(t.tenant.id, NOW);
    expect(r.closedThrough).toBe('2026-03-31');
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(
      sorted(await rawCounts(t.tenant.id, '2026-03-31')),
    );
    const jan31 = await adminDb.insightDaily.findMany({
      where: { tenantId: t.tenant.id, day: new Date('2026-01-31T00:00:00Z') },
    });
    expect(jan31.map((x) => [x.promoters, x.passives, x.detractors])).toEqual([[0, 1, 0]]);
    const before = sorted(await rollupCounts(t.tenant.id));
    const count = await adminDb.insightDaily.count({ where: { tenantId: t.tenant.id } });
    await rebuild(t.tenant.id, NOW);
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(before);
    expect(await adminDb.insightDaily.count({ where: { tenantId: t.tenant.id } })).toBe(count);
    expect(await reconcileTenant(t.tenant.id)).toEqual({ checked: true, mismatched: [] });
  });

  it('the dashboard gives the same figures from the rollups as from the raw answers', async () => {
    const f = { from: '2026-01-01', to: '2026-04-01', granularity: 'month' as const };
    const withRollups = await dashboard(t.viewer.ctx, f, NOW);
    await adminDb.tenant.update({ where: { id: t.tenant.id }, data: { insightsClosedThrough: null } });
    const raw = await dashboard(t.viewer.ctx, f, NOW);
    await rebuild(t.tenant.id, NOW);
    expect(withRollups.summary).toEqual(raw.summary);
    expect(withRollups.trend).toEqual(raw.trend);
    expect(withRollups.byBusinessUnit).toEqual(raw.byBusinessUnit);
    expect(withRollups.summary).toMatchObject({ n: 7, promoters: 3, passives: 2, detractors: 2 });
    // 23:30 local on 31 January counts in January, 00:30 on 1 February in February.
    expect(withRollups.trend.map((p) => [p.label, p.n])).toEqual([
      ['2026-01', 4],
      ['2026-02', 1],
      ['2026-03', 1],
      ['2026-04', 1],
    ]);
  });

  it('a changed category marks its day dirty; the dashboard is exact at once, the rollup job repairs the day', async () => {
    // An answer through the real path, on a day that is closed two days later.
    const { token } = await makeInvitation(t, {
      surveyId: survey.id,
      contactId: acmeContact.id,
      companyId: acme.id,
    });
    await submitAnswer(token, { score: 10 });
    await drainOutbox(t.tenant.id);
    const later = new Date(Date.now() + 2 * DAY);
    const yesterday = todayIn(TZ, new Date(Date.now() + DAY));
    await rollUpTenant(t.tenant.id, later);
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(sorted(await rawCounts(t.tenant.id, yesterday)));
    const today = todayIn(TZ);
    const f = { from: today, to: today };
    expect((await dashboard(t.viewer.ctx, f, later)).summary).toMatchObject({ n: 1, promoters: 1 });

    await submitAnswer(token, { score: 2 }); // promoter -> detractor: response.changed
    await drainOutbox(t.tenant.id);
    expect(
      await adminDb.insightDirtyDay.findMany({ where: { tenantId: t.tenant.id }, select: { day: true } }),
    ).toEqual([{ day: new Date(`${today}T00:00:00Z`) }]);
    expect((await dashboard(t.viewer.ctx, f, later)).summary).toMatchObject({
      n: 1,
      promoters: 0,
      detractors: 1,
    });
    await rollUpTenant(t.tenant.id, later);
    expect(await adminDb.insightDirtyDay.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(sorted(await rawCounts(t.tenant.id, yesterday)));
    expect(await reconcileTenant(t.tenant.id)).toEqual({ checked: true, mismatched: [] });
    await rebuild(t.tenant.id, NOW);
  });

  it('a company moving to another business unit marks its days dirty and the rollups follow', async () => {
    const f = { from: '2026-01-01', to: '2026-03-31' };
    const before = await dashboard(t.viewer.ctx, f, NOW);
    expect(before.byBusinessUnit.map((u) => [u.name, u.n])).toEqual([
      ['North', 4],
      [null, 2],
    ]);
    await adminDb.company.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: acme.id } },
      data: { businessUnitId: south.id },
    });
    const dirty = await adminDb.insightDirtyDay.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { day: 'asc' },
    });
    expect(dirty.map((d) => d.day.toISOString().slice(0, 10))).toEqual([
      '2026-01-10',
      '2026-01-12',
      '2026-01-31',
      '2026-02-01',
    ]);
    const moved = await dashboard(t.viewer.ctx, f, NOW);
    expect(moved.byBusinessUnit.map((u) => [u.name, u.n])).toEqual([
      ['South', 4],
      [null, 2],
    ]);
    await rollUpTenant(t.tenant.id, NOW);
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(
      sorted(await rawCounts(t.tenant.id, '2026-03-31')),
    );
    expect((await dashboard(t.viewer.ctx, f, NOW)).byBusinessUnit).toEqual(moved.byBusinessUnit);
    // Filtering on the new business unit finds the moved answers.
    expect((await dashboard(t.viewer.ctx, { ...f, businessUnitId: south.id }, NOW)).summary.n).toBe(4);
  });

  it('the reconcile finds a rollup that differs from the answers and the next rollup repairs it', async () => {
    await adminDb.insightDaily.updateMany({
      where: { tenantId: t.tenant.id, day: new Date('2026-01-12T00:00:00Z') },
      data: { promoters: { increment: 5 } },
    });
    expect(await reconcileTenant(t.tenant.id)).toEqual({ checked: true, mismatched: ['2026-01-12'] });
    // Meanwhile the day is read raw: the dashboard stays exact.
    expect((await dashboard(t.viewer.ctx, { from: '2026-01-12', to: '2026-01-12' }, NOW)).summary.n).toBe(1);
    await rollUpTenant(t.tenant.id, NOW);
    expect(await reconcileTenant(t.tenant.id)).toEqual({ checked: true, mismatched: [] });
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(
      sorted(await rawCounts(t.tenant.id, '2026-03-31')),
    );
  });

  it('days that close are taken in by the next rollup, and a time-zone change rebuilds', async () => {
    const next = new Date('2026-04-03T10:00:00Z');
    const r = await rollUpTenant(t.tenant.id, next);
    expect(r).toMatchObject({ rebuilt: false, closedThrough: '2026-04-02', days: 2 });
    expect(sorted(await rollupCounts(t.tenant.id))).toEqual(
      sorted(await rawCounts(t.tenant.id, '2026-04-02')),
    );
    await adminDb.tenant.update({ where: { id: t.tenant.id }, data: { timeZone: 'America/New_York' } });
    // Until the rebuild, readers use the raw rows (rollups cut in another zone are ignored).
    const ny = await dashboard(t.viewer.ctx, { from: '2026-01-31', to: '2026-01-31' }, next);
    expect(ny.summary.n).toBe(2); // 22:30 and 23:30 UTC are both 31 January in New York
    expect((await rollUpTenant(t.tenant.id, next)).rebuilt).toBe(true);
    expect((await dashboard(t.viewer.ctx, { from: '2026-01-31', to: '2026-01-31' }, next)).summary.n).toBe(2);
    await adminDb.tenant.update({ where: { id: t.tenant.id }, data: { timeZone: TZ } });
  });
});
