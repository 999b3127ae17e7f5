/**
 * Accounts: NPS per company and the company page.
 *
 * Method (shown on the page): each contact counts once, with their latest answer in the period. A
 * company is promoter-led when its contacts' latest answers hold more promoters than detractors,
 * detractor-led when they hold more detractors than promoters, otherwise balanced. The account-level
 * NPS counts each company once: % promoter-led minus % detractor-led companies; revenue-weighted, each
 * company weighs its yearly revenue (companies without revenue are left out of that figure). Revenue
 * at risk is the yearly revenue of the detractor-led companies.
 */
import { Prisma, withTenant } from '../db';
import { notFound } from '../errors';
import { summarize, type Counts } from '../nps';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, ZId } from '../validation';
import { figure } from './figures';
import { addDays, buckets, defaultRange, periodOf, todayIn } from './period';
import { dimensionFilter } from './dashboard';
import { loadScope, rawDimensionWhere, RAW_FROM, totalCounts } from './queries';
import { ZInsightsFilter, type TInsightsFilter } from './schemas';

export type AccountLead = 'PROMOTER' | 'DETRACTOR' | 'BALANCED';

export interface AccountRow extends Counts {
  id: string;
  name: string;
  revenue: number | null;
  businessUnit: string | null;
  region: string | null;
  owner: string | null;
  openTasks: number;
  lastAnswerAt: Date;
  lead: AccountLead;
  /** The company's NPS over its contacts' latest answers (exact, -100..100). */
  nps: number;
  n: number;
}

const leadOf = (c: Counts): AccountLead =>
  c.promoters > c.detractors ? 'PROMOTER' : c.detractors > c.promoters ? 'DETRACTOR' : 'BALANCED';

/** Account-level NPS: each company once (and, weighted, by its yearly revenue). */
export function accountNps(rows: { lead: AccountLead; revenue: number | null }[]) {
  const count = (lead: AccountLead) => rows.filter((r) => r.lead === lead).length;
  const n = rows.length;
  const withRevenue = rows.filter((r) => r.revenue !== null && r.revenue > 0);
  const total = withRevenue.reduce((s, r) => s + r.revenue!, 0);
  const rev = (lead: AccountLead) =>
    withRevenue.filter((r) => r.lead === lead).reduce((s, r) => s + r.revenue!, 0);
  return {
    n,
    promoterLed: count('PROMOTER'),
    balanced: count('BALANCED'),
    detractorLed: count('DETRACTOR'),
    nps: n === 0 ? null : ((count('PROMOTER') - count('DETRACTOR')) / n) * 100,
    revenueWeighted: total === 0 ? null : ((rev('PROMOTER') - rev('DETRACTOR')) / total) * 100,
    revenueCounted: withRevenue.length,
    revenueAtRisk: rev('DETRACTOR'),
  };
}

/**
 * The accounts view for a period (default: last 12 months): every company with answers, its lead
 * and NPS over its contacts' latest answers, ranked by risk (detractor-led first, largest revenue
 * first); the account-level NPS beside the respondent-level one.
 */
export async function accountsView(ctx: TenantContext, input: TInsightsFilter = {}, now = new Date()) {
  authorize(ctx, 'insights.read');
  const f = parseInput(ZInsightsFilter, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const scope = await loadScope(tx, ctx.tenantId);
    const d = defaultRange(scope.timeZone, now);
    const period = periodOf(f.from ?? d.from, f.to ?? d.to, scope.timeZone);
    const dims = dimensionFilter(f);
    const rows = await tx.$queryRaw<
      (Counts & {
        id: string;
        name: string;
        revenue: string | null;
        businessUnit: string | null;
        region: string | null;
        owner: string | null;
        openTasks: number;
        lastAnswerAt: Date;
      })[]
    >(Prisma.sql`
      WITH latest AS (
        SELECT DISTINCT ON (r."companyId", r."contactId") r."companyId", r."category", r."submittedAt"
        ${RAW_FROM}
        WHERE r."tenantId" = ${ctx.tenantId}::uuid AND r."companyId" IS NOT NULL
          AND r."submittedAt" >= ${period.fromUtc} AND r."submittedAt" < ${period.toUtc}
          ${rawDimensionWhere(ctx.tenantId, dims)}
        ORDER BY r."companyId", r."contactId", r."submittedAt" DESC
      ), per AS (
        SELECT "companyId",
               count(*) FILTER (WHERE "category" = 'PROMOTER')::int AS "promoters",
               count(*) FILTER (WHERE "category" = 'PASSIVE')::int AS "passives",
               count(*) FILTER (WHERE "category" = 'DETRACTOR')::int AS "detractors",
               max("submittedAt") AS "lastAnswerAt"
        FROM latest GROUP BY 1
      ), open AS (
        SELECT ft."companyId", count(*)::int AS n FROM "FollowUpTask" ft
        WHERE ft."tenantId" = ${ctx.tenantId}::uuid AND ft."status" <> 'DONE' AND ft."companyId" IS NOT NULL
        GROUP BY 1
      )
      SELECT c."id", c."name", c."yearlyRevenue"::text AS "revenue", bu."name" AS "businessUnit", c."region",
             COALESCE(u."name", u."email") AS "owner", COALESCE(open.n, 0) AS "openTasks",
             per."promoters", per."passives", per."detractors", per."lastAnswerAt"
      FROM per
      JOIN "Company" c ON c."tenantId" = ${ctx.tenantId}::uuid AND c."id" = per."companyId"
      LEFT JOIN "BusinessUnit" bu ON bu."tenantId" = c."tenantId" AND bu."id" = c."businessUnitId"
      LEFT JOIN "Membership" m ON m."tenantId" = c."tenantId" AND m."id" = c."ownerMembershipId"
      LEFT JOIN "User" u ON u."id" = m."userId"
      LEFT JOIN open ON open."companyId" = c."id"`);
    const accounts: AccountRow[] = rows.map((r) => {
      const n = r.promoters + r.passives + r.detractors;
      return {
        ...r,
        revenue: r.revenue === null ? null : Number(r.revenue),
        lead: leadOf(r),
        n,
        nps: ((r.promoters - r.detractors) / n) * 100,
      };
    });
    const byRisk = (a: AccountRow, b: AccountRow) =>
      (b.revenue ?? 0) - (a.revenue ?? 0) || a.nps - b.nps || a.name.localeCompare(b.name);
    const atRisk = accounts.filter((a) => a.lead === 'DETRACTOR').sort(byRisk);
    const references = accounts
      .filter((a) => a.lead === 'PROMOTER')
      .sort((a, b) => (b.revenue ?? 0) - (a.revenue ?? 0) || b.nps - a.nps || a.name.localeCompare(b.name));
    const respondents = accounts.reduce<Counts>(
      (s, a) => ({
        promoters: s.promoters + a.promoters,
        passives: s.passives + a.passives,
        detractors: s.detractors + a.detractors,
      }),
      { promoters: 0, passives: 0, detractors: 0 },
    );
    return {
      period: { from: period.from, to: period.to },
      minN: scope.minN,
      accountLevel: accountNps(accounts),
      /** Respondent level over the same latest answers (each contact once). */
      respondentLevel: figure(respondents, scope.minN),
      atRisk,
      references,
      accounts: accounts.length,
    };
  });
}

/**
 * One company's page: its answers over time (per quarter, last 2 years), its NPS over the last 12
 * months with interval, its contacts' latest scores, its open follow-ups, its yearly revenue. A
 * company of another organisation is a 404, like a missing one.
 */
export async function companyInsights(ctx: TenantContext, companyId: string, now = new Date()) {
  authorize(ctx, 'insights.read');
  const id = ZId.safeParse(companyId);
  if (!id.success) throw notFound();
  return withTenant(ctx.tenantId, async (tx) => {
    const scope = await loadScope(tx, ctx.tenantId);
    const company = await tx.company.findUnique({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: id.data } },
      select: {
        id: true,
        name: true,
        region: true,
        yearlyRevenue: true,
        businessUnit: { select: { name: true } },
        owner: { select: { user: { select: { name: true, email: true } } } },
      },
    });
    if (!company) throw notFound();
    const today = todayIn(scope.timeZone, now);
    const from = `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}-01`;
    const span = periodOf(from, today, scope.timeZone);
    const year = periodOf(addDays(today, -364), today, scope.timeZone);
    const [answers, contacts, tasks] = await Promise.all([
      tx.$queryRaw<{ day: string; category: string }[]>(Prisma.sql`
        SELECT to_char(((r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${scope.timeZone})::date, 'YYYY-MM-DD') AS "day",
               r."category"::text AS "category"
        FROM "Response" r
        WHERE r."tenantId" = ${ctx.tenantId}::uuid AND r."companyId" = ${id.data}::uuid
          AND r."submittedAt" >= ${span.fromUtc} AND r."submittedAt" < ${span.toUtc}`),
      tx.$queryRaw<
        {
          contactId: string;
          name: string | null;
          email: string;
          score: number;
          category: string;
          comment: string | null;
          submittedAt: Date;
        }[]
      >(Prisma.sql`
        SELECT DISTINCT ON (r."contactId") r."contactId", ct."name", ct."email", r."score", r."category"::text AS "category",
               r."comment", r."submittedAt"
        FROM "Response" r JOIN "Contact" ct ON ct."tenantId" = r."tenantId" AND ct."id" = r."contactId"
        WHERE r."tenantId" = ${ctx.tenantId}::uuid AND r."companyId" = ${id.data}::uuid
        ORDER BY r."contactId", r."submittedAt" DESC`),
      tx.followUpTask.findMany({
        where: { tenantId: ctx.tenantId, companyId: id.data, status: { not: 'DONE' } },
        select: {
          id: true,
          category: true,
          status: true,
          dueAt: true,
          assignee: { select: { user: { select: { name: true, email: true } } } },
        },
        orderBy: { dueAt: 'asc' },
        take: 50,
      }),
    ]);
    const count = (rows: { category: string }[]): Counts => ({
      promoters: rows.filter((r) => r.category === 'PROMOTER').length,
      passives: rows.filter((r) => r.category === 'PASSIVE').length,
      detractors: rows.filter((r) => r.category === 'DETRACTOR').length,
    });
    const yearRows = answers.filter((a) => a.day >= year.from);
    const latest = count(contacts);
    return {
      company: {
        id: company.id,
        name: company.name,
        region: company.region,
        businessUnit: company.businessUnit?.name ?? null,
        owner: company.owner ? (company.owner.user.name ?? company.owner.user.email) : null,
        revenue: company.yearlyRevenue === null ? null : Number(company.yearlyRevenue),
      },
      timeZone: scope.timeZone,
      minN: scope.minN,
      year: { from: year.from, to: year.to, ...figure(count(yearRows), scope.minN) },
      lead: contacts.length ? leadOf(latest) : null,
      latest: summarize(latest),
      trend: buckets(span.from, span.to, 'quarter').map((b) => ({
        key: b.key,
        label: b.label,
        ...figure(count(answers.filter((a) => a.day >= b.from && a.day <= b.to)), scope.minN),
      })),
      contacts: contacts.sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime()),
      openTasks: tasks.map((t) => ({
        id: t.id,
        category: t.category,
        status: t.status,
        dueAt: t.dueAt,
        assignee: t.assignee ? (t.assignee.user.name ?? t.assignee.user.email) : null,
      })),
    };
  });
}

/** What the ROI page prefills: customers and yearly revenue from the companies, the last 12 months' split. */
export async function roiPrefill(ctx: TenantContext, now = new Date()) {
  authorize(ctx, 'insights.read');
  return withTenant(ctx.tenantId, async (tx) => {
    const scope = await loadScope(tx, ctx.tenantId);
    const d = defaultRange(scope.timeZone, now);
    const [companies, split] = await Promise.all([
      tx.$queryRaw<{ customers: number; revenue: string | null }[]>(Prisma.sql`
        SELECT count(*)::int AS "customers", sum("yearlyRevenue")::text AS "revenue"
        FROM "Company" WHERE "tenantId" = ${ctx.tenantId}::uuid`),
      totalCounts(tx, scope, d.from, d.to, {}),
    ]);
    return {
      customers: companies[0]?.customers ?? 0,
      yearlyRevenue: companies[0]?.revenue ? Number(companies[0].revenue) : null,
      split: figure(split, scope.minN),
      period: d,
    };
  });
}
