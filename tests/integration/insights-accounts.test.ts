// Accounts: company NPS from each contact's latest answer, account-level NPS (each company once,
// optionally by revenue), revenue at risk, ranking, and the company page (404 for another tenant).
import { beforeAll, describe, expect, it } from 'vitest';
import { accountNps, accountsView, companyInsights } from '../../lib/insights/accounts';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import { adminDb } from '../support/db';
import { makeContact, makeResponse, makeTenant, uid, type TestTenant } from '../support/factories';

describe('account-level NPS arithmetic', () => {
  it('counts each company once, and by revenue when weighted', () => {
    const r = accountNps([
      { lead: 'PROMOTER', revenue: 100 },
      { lead: 'PROMOTER', revenue: null },
      { lead: 'BALANCED', revenue: 300 },
      { lead: 'DETRACTOR', revenue: 600 },
    ]);
    // (2 - 1) / 4 = +25; by revenue (100 - 600) / 1000 = -50, the company without revenue left out.
    expect(r).toEqual({
      n: 4,
      promoterLed: 2,
      balanced: 1,
      detractorLed: 1,
      nps: 25,
      revenueWeighted: -50,
      revenueCounted: 3,
      revenueAtRisk: 600,
    });
    expect(accountNps([]).nps).toBeNull();
  });
});

describe('accounts view and company page', () => {
  let t: TestTenant;
  const NOW = new Date('2026-06-30T10:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await makeTenant();
    const tp = await adminDb.touchpoint.create({
      data: { tenantId: t.tenant.id, name: `S ${uid()}`, phase: 'SUPPORT' },
    });
    const survey = await adminDb.survey.create({
      data: {
        tenantId: t.tenant.id,
        touchpointId: tp.id,
        name: 'NPS',
        status: 'ACTIVE',
        texts: DEFAULT_TEXTS,
      },
    });
    const company = (name: string, revenue: number | null) =>
      adminDb.company.create({ data: { tenantId: t.tenant.id, name, yearlyRevenue: revenue } });
    const big = await company('Big Risk', 900_000);
    const small = await company('Small Risk', 50_000);
    const fan = await company('Fan', 200_000);
    const even = await company('Even', null);
    Object.assign(ids, { big: big.id, small: small.id, fan: fan.id, even: even.id });
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    // Big Risk: one contact went 10 -> 3 (latest counts), another gives 2: detractor-led.
    const b1 = await makeContact(t, { companyId: big.id });
    const b2 = await makeContact(t, { companyId: big.id });
    await makeResponse(t, { survey, contact: b1, score: 10, submittedAt: at('2026-02-01') });
    await makeResponse(t, { survey, contact: b1, score: 3, submittedAt: at('2026-05-01'), comment: 'Slow' });
    await makeResponse(t, { survey, contact: b2, score: 2, submittedAt: at('2026-04-01') });
    const s1 = await makeContact(t, { companyId: small.id });
    await makeResponse(t, { survey, contact: s1, score: 5, submittedAt: at('2026-03-01') });
    const f1 = await makeContact(t, { companyId: fan.id });
    const f2 = await makeContact(t, { companyId: fan.id });
    await makeResponse(t, { survey, contact: f1, score: 9, submittedAt: at('2026-03-01') });
    await makeResponse(t, { survey, contact: f2, score: 8, submittedAt: at('2026-03-02') });
    const e1 = await makeContact(t, { companyId: even.id });
    const e2 = await makeContact(t, { companyId: even.id });
    await makeResponse(t, { survey, contact: e1, score: 10, submittedAt: at('2026-03-01') });
    await makeResponse(t, { survey, contact: e2, score: 0, submittedAt: at('2026-03-01') });
  });

  it('ranks detractor-led accounts by revenue, lists references, and sums the revenue at risk', async () => {
    const v = await accountsView(t.viewer.ctx, { from: '2026-01-01', to: '2026-06-30' }, NOW);
    expect(v.atRisk.map((a) => [a.name, a.n, a.promoters, a.detractors])).toEqual([
      ['Big Risk', 2, 0, 2],
      ['Small Risk', 1, 0, 1],
    ]);
    expect(v.references.map((a) => a.name)).toEqual(['Fan']);
    // 1 promoter-led, 1 balanced, 2 detractor-led of 4: (1 - 2) / 4 = -25. By revenue (Even has
    // none): (200k - 950k) / 1,150k.
    expect(v.accountLevel).toMatchObject({
      n: 4,
      promoterLed: 1,
      balanced: 1,
      detractorLed: 2,
      revenueAtRisk: 950_000,
    });
    expect(v.accountLevel.nps).toBeCloseTo(-25, 10);
    expect(v.accountLevel.revenueWeighted).toBeCloseTo((-750_000 / 1_150_000) * 100, 10);
    // Beside it, the answer level over the same latest answers: 2 promoters, 1 passive, 4 detractors.
    expect(v.respondentLevel).toMatchObject({
      n: 7,
      promoters: 2,
      passives: 1,
      detractors: 4,
      enough: false,
    });
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    await expect(accountsView(t.viewer.ctx, { from: '1900-01-01', to: '2026-01-01' })).rejects.toMatchObject({
      status: 400,
      details: { fields: { from: 'choose a year between 2000 and 2100' } },
    });
    await expect(accountsView(t.viewer.ctx, { from: '2020-01-01', to: '2026-01-01' })).rejects.toMatchObject({
      status: 400,
      details: { fields: { from: 'a period can span at most 5 years' } },
    });
  });

  it('shows a company: NPS with n over 12 months, quarters, contacts’ latest scores', async () => {
    const c = await companyInsights(t.admin.ctx, ids.big!, NOW);
    expect(c.company).toMatchObject({ name: 'Big Risk', revenue: 900_000 });
    expect(c.lead).toBe('DETRACTOR');
    expect(c.year).toMatchObject({ n: 3, promoters: 1, detractors: 2, enough: false });
    expect(c.contacts.map((x) => x.score)).toEqual([3, 2]);
    expect(c.trend.find((q) => q.label === '2026-Q2')).toMatchObject({ n: 2 });
    expect(c.trend.find((q) => q.label === '2026-Q1')).toMatchObject({ n: 1 });
  });

  it('answers 404 for a company of another organisation, a missing or a malformed id', async () => {
    const other = await makeTenant();
    await expect(companyInsights(other.admin.ctx, ids.big!)).rejects.toMatchObject({ status: 404 });
    await expect(companyInsights(t.admin.ctx, '0190a000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
    });
    await expect(companyInsights(t.admin.ctx, 'nope')).rejects.toMatchObject({ status: 404 });
  });
});
