/**
 * Insights data access: every SQL statement the dashboard reads, and nothing else (the assembly is
 * dashboard.ts, the period math period.ts, the rollup maintenance rollup.ts).
 *
 * Counts come from one source, `answerCounts`: the rollup table InsightDaily for closed, clean days
 * (day <= Tenant.insightsClosedThrough and not in InsightDirtyDay) plus the raw Response rows for the
 * rest (today, days not rolled up yet, dirty days). Both halves yield the same shape, so the figures
 * are exact whatever the state of the rollups, and a dashboard reads a bounded number of rows.
 */
import { Prisma, type Tx } from '../db';
import type { Counts } from '../nps';
import { addDays, dayStartUtc } from './period';

export interface Scope {
  tenantId: string;
  timeZone: string;
  minN: number;
  /** Last local day in the rollups; null when there are none (or they were cut in another zone). */
  closedThrough: string | null;
  dirty: string[];
}

/** Dimension filters; all optional, all ANDed. */
export interface DimensionFilter {
  touchpointId?: string;
  phase?: string;
  businessUnitId?: string;
  region?: string;
  ownerMembershipId?: string;
}

export interface CountRow extends Counts {
  key: string | null;
}

const COUNTS = Prisma.sql`sum(s."promoters")::int AS "promoters", sum(s."passives")::int AS "passives",
  sum(s."detractors")::int AS "detractors"`;

/** The local day of a response, in SQL (submittedAt is stored as UTC without a zone). */
export const localDay = (tz: string) =>
  Prisma.sql`(((r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date)`;

export async function loadScope(tx: Tx, tenantId: string): Promise<Scope> {
  const rows = await tx.$queryRaw<
    {
      timeZone: string;
      minN: number;
      closedThrough: string | null;
      rollupZone: string | null;
      dirty: string[] | null;
    }[]
  >(Prisma.sql`
    SELECT t."timeZone", t."insightsMinN" AS "minN", t."insightsTimeZone" AS "rollupZone",
           to_char(t."insightsClosedThrough", 'YYYY-MM-DD') AS "closedThrough",
           (SELECT array_agg(to_char(d."day", 'YYYY-MM-DD') ORDER BY d."day") FROM "InsightDirtyDay" d
             WHERE d."tenantId" = t."id") AS "dirty"
    FROM "Tenant" t WHERE t."id" = ${tenantId}::uuid`);
  const t = rows[0];
  if (!t) throw new Error('tenant not found');
  return {
    tenantId,
    timeZone: t.timeZone,
    minN: t.minN,
    closedThrough: t.rollupZone === t.timeZone ? t.closedThrough : null,
    dirty: t.dirty ?? [],
  };
}

function dimensionWhere(
  tenantId: string,
  f: DimensionFilter,
  cols: { tp: Prisma.Sql; bu: Prisma.Sql; region: Prisma.Sql; owner: Prisma.Sql },
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.touchpointId) parts.push(Prisma.sql`${cols.tp} = ${f.touchpointId}::uuid`);
  if (f.phase)
    parts.push(Prisma.sql`${cols.tp} IN (SELECT t."id" FROM "Touchpoint" t
      WHERE t."tenantId" = ${tenantId}::uuid AND t."phase"::text = ${f.phase})`);
  if (f.businessUnitId) parts.push(Prisma.sql`${cols.bu} = ${f.businessUnitId}::uuid`);
  if (f.region) parts.push(Prisma.sql`${cols.region} = ${f.region}`);
  if (f.ownerMembershipId) parts.push(Prisma.sql`${cols.owner} = ${f.ownerMembershipId}::uuid`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

const ROLLUP_COLS = {
  tp: Prisma.sql`x."touchpointId"`,
  bu: Prisma.sql`x."businessUnitId"`,
  region: Prisma.sql`x."region"`,
  owner: Prisma.sql`x."ownerMembershipId"`,
};
export const RAW_COLS = {
  tp: Prisma.sql`r."touchpointId"`,
  bu: Prisma.sql`co."businessUnitId"`,
  region: Prisma.sql`co."region"`,
  owner: Prisma.sql`co."ownerMembershipId"`,
};
export const RAW_FROM = Prisma.sql`FROM "Response" r
  LEFT JOIN "Company" co ON co."tenantId" = r."tenantId" AND co."id" = r."companyId"`;

/** A WHERE fragment on raw rows for the dimension filters (recent comments, loop health, accounts). */
export const rawDimensionWhere = (tenantId: string, f: DimensionFilter) =>
  dimensionWhere(tenantId, f, RAW_COLS);

/**
 * Rows (day, touchpointId, businessUnitId, promoters, passives, detractors) for the local days
 * [from, to]: rollup rows for the closed clean days, raw answers (one row each) for the others.
 */
export function answerCounts(s: Scope, from: string, to: string, f: DimensionFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const rollTo = s.closedThrough === null ? null : s.closedThrough < to ? s.closedThrough : to;
  if (rollTo !== null && from <= rollTo) {
    parts.push(Prisma.sql`
      SELECT x."day", x."touchpointId", x."businessUnitId", x."promoters", x."passives", x."detractors"
      FROM "InsightDaily" x
      WHERE x."tenantId" = ${s.tenantId}::uuid AND x."day" BETWEEN ${from}::date AND ${rollTo}::date
        ${s.dirty.length ? Prisma.sql`AND x."day" <> ALL(${s.dirty}::date[])` : Prisma.empty}
        ${dimensionWhere(s.tenantId, f, ROLLUP_COLS)}`);
  }
  // Instants [a, b) read raw: the days after the rollups, and dirty days inside them.
  const ranges: [Date, Date][] = [];
  const rawFrom = s.closedThrough === null || s.closedThrough < from ? from : addDays(s.closedThrough, 1);
  if (rawFrom <= to) ranges.push([dayStartUtc(rawFrom, s.timeZone), dayStartUtc(addDays(to, 1), s.timeZone)]);
  if (rollTo !== null)
    for (const d of s.dirty)
      if (d >= from && d <= rollTo)
        ranges.push([dayStartUtc(d, s.timeZone), dayStartUtc(addDays(d, 1), s.timeZone)]);
  if (ranges.length) {
    const within = Prisma.join(
      ranges.map(([a, b]) => Prisma.sql`(r."submittedAt" >= ${a} AND r."submittedAt" < ${b})`),
      ' OR ',
    );
    parts.push(Prisma.sql`
      SELECT ${localDay(s.timeZone)} AS "day", r."touchpointId", co."businessUnitId",
             (r."category" = 'PROMOTER')::int AS "promoters", (r."category" = 'PASSIVE')::int AS "passives",
             (r."category" = 'DETRACTOR')::int AS "detractors"
      ${RAW_FROM}
      WHERE r."tenantId" = ${s.tenantId}::uuid AND (${within}) ${rawDimensionWhere(s.tenantId, f)}`);
  }
  if (!parts.length)
    return Prisma.sql`SELECT NULL::date AS "day", NULL::uuid AS "touchpointId", NULL::uuid AS "businessUnitId",
      0 AS "promoters", 0 AS "passives", 0 AS "detractors" WHERE false`;
  return Prisma.join(parts, ' UNION ALL ');
}

/** Counts per local day with answers, [from, to]. */
export function dailyCounts(tx: Tx, s: Scope, from: string, to: string, f: DimensionFilter) {
  return tx.$queryRaw<CountRow[]>(Prisma.sql`
    SELECT to_char(s."day", 'YYYY-MM-DD') AS "key", ${COUNTS}
    FROM (${answerCounts(s, from, to, f)}) s GROUP BY s."day" ORDER BY s."day"`);
}

/** Counts per touchpoint and per business unit (key null: companies without one, or no company). */
export async function breakdownCounts(tx: Tx, s: Scope, from: string, to: string, f: DimensionFilter) {
  const rows = await tx.$queryRaw<(CountRow & { dim: 'tp' | 'bu' })[]>(Prisma.sql`
    SELECT CASE WHEN GROUPING(s."touchpointId") = 0 THEN 'tp' ELSE 'bu' END AS "dim",
           COALESCE(s."touchpointId", s."businessUnitId")::text AS "key", ${COUNTS}
    FROM (${answerCounts(s, from, to, f)}) s
    GROUP BY GROUPING SETS ((s."touchpointId"), (s."businessUnitId"))`);
  return {
    touchpoints: rows.filter((r) => r.dim === 'tp'),
    businessUnits: rows.filter((r) => r.dim === 'bu'),
  };
}

/** Totals over [from, to]. */
export async function totalCounts(
  tx: Tx,
  s: Scope,
  from: string,
  to: string,
  f: DimensionFilter,
): Promise<Counts> {
  const rows = await tx.$queryRaw<Counts[]>(Prisma.sql`
    SELECT COALESCE(sum(s."promoters"), 0)::int AS "promoters", COALESCE(sum(s."passives"), 0)::int AS "passives",
           COALESCE(sum(s."detractors"), 0)::int AS "detractors"
    FROM (${answerCounts(s, from, to, f)}) s`);
  return rows[0] ?? { promoters: 0, passives: 0, detractors: 0 };
}

export interface RecentComment {
  id: string;
  score: number;
  category: string;
  comment: string;
  submittedAt: Date;
  company: string | null;
}

/** The newest comments of the period. */
export function recentComments(tx: Tx, s: Scope, fromUtc: Date, toUtc: Date, f: DimensionFilter, limit = 8) {
  return tx.$queryRaw<RecentComment[]>(Prisma.sql`
    SELECT r."id", r."score", r."category"::text AS category, r."comment", r."submittedAt", co."name" AS company
    ${RAW_FROM}
    WHERE r."tenantId" = ${s.tenantId}::uuid AND r."submittedAt" >= ${fromUtc} AND r."submittedAt" < ${toUtc}
      AND r."comment" IS NOT NULL ${rawDimensionWhere(s.tenantId, f)}
    ORDER BY r."submittedAt" DESC LIMIT ${limit}`);
}

export interface LoopHealth {
  total: number;
  open: number;
  overdue: number;
  done: number;
  doneInTime: number;
}

/** The follow-up tasks of the period's answers: open, overdue, done, done in time. */
export async function loopHealth(
  tx: Tx,
  s: Scope,
  fromUtc: Date,
  toUtc: Date,
  f: DimensionFilter,
  now: Date,
): Promise<LoopHealth> {
  const rows = await tx.$queryRaw<LoopHealth[]>(Prisma.sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE ft."status" <> 'DONE')::int AS open,
           count(*) FILTER (WHERE ft."status" <> 'DONE' AND ft."dueAt" < ${now})::int AS overdue,
           count(*) FILTER (WHERE ft."status" = 'DONE')::int AS done,
           count(*) FILTER (WHERE ft."status" = 'DONE' AND ft."closedAt" <= ft."dueAt")::int AS "doneInTime"
    FROM "FollowUpTask" ft
    JOIN "Response" r ON r."tenantId" = ft."tenantId" AND r."id" = ft."responseId"
    LEFT JOIN "Company" co ON co."tenantId" = r."tenantId" AND co."id" = r."companyId"
    WHERE ft."tenantId" = ${s.tenantId}::uuid AND r."submittedAt" >= ${fromUtc} AND r."submittedAt" < ${toUtc}
      ${rawDimensionWhere(s.tenantId, f)}`);
  return rows[0] ?? { total: 0, open: 0, overdue: 0, done: 0, doneInTime: 0 };
}

/** What the filter form offers: touchpoints, business units, regions, account managers. */
export async function filterOptions(tx: Tx, tenantId: string) {
  const [touchpoints, businessUnits, regions, managers] = await Promise.all([
    tx.touchpoint.findMany({
      where: { tenantId },
      select: { id: true, name: true, phase: true, customPhase: true },
      orderBy: [{ phase: 'asc' }, { name: 'asc' }],
    }),
    tx.businessUnit.findMany({
      where: { tenantId },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    tx.$queryRaw<{ region: string }[]>(Prisma.sql`
      SELECT DISTINCT "region" FROM "Company" WHERE "tenantId" = ${tenantId}::uuid AND "region" IS NOT NULL
      ORDER BY 1`),
    tx.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
      SELECT m."id", COALESCE(u."name", u."email") AS "name" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
      WHERE m."tenantId" = ${tenantId}::uuid
        AND EXISTS (SELECT 1 FROM "Company" c WHERE c."tenantId" = m."tenantId" AND c."ownerMembershipId" = m."id")
      ORDER BY 2`),
  ]);
  return { touchpoints, businessUnits, regions: regions.map((r) => r.region), managers };
}
