import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfMonth, subMonths } from 'date-fns';
import { Prisma, withTenant } from '../db';
import { summarize, type NpsSummary } from '../nps';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { ZDashboardFilter, type TDashboardFilter } from './schemas';

interface CountRow {
  key: string | null;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface Period {
  from: string;
  to: string;
  fromUtc: Date;
  toUtc: Date;
}

/** The period in the tenant's time zone: [from 00:00, to + 1 day 00:00). Default: the last 12 months. */
export function resolvePeriod(f: { from?: string; to?: string }, timeZone: string, now = new Date()): Period {
  const today = new TZDate(now.getTime(), timeZone);
  const to = f.to ?? format(today, 'yyyy-MM-dd');
  const from = f.from ?? format(startOfMonth(subMonths(today, 11)), 'yyyy-MM-dd');
  const [a, b] = from <= to ? [from, to] : [to, from];
  // Components, not a string: TZDate parses "yyyy-MM-ddT00:00:00" in the process's zone, not timeZone.
  const startOf = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return new TZDate(y!, m! - 1, day!, timeZone);
  };
  return {
    from: a,
    to: b,
    fromUtc: new Date(startOf(a).getTime()),
    toUtc: new Date(addDays(startOf(b), 1).getTime()),
  };
}

const counts = Prisma.sql`
  count(*) FILTER (WHERE r."category" = 'PROMOTER')::int AS "promoters",
  count(*) FILTER (WHERE r."category" = 'PASSIVE')::int AS "passives",
  count(*) FILTER (WHERE r."category" = 'DETRACTOR')::int AS "detractors"`;

function toSummary(r: CountRow | undefined): NpsSummary {
  return summarize({
    promoters: r?.promoters ?? 0,
    passives: r?.passives ?? 0,
    detractors: r?.detractors ?? 0,
  });
}

/**
 * The director's dashboard for a period: NPS with n and 95 % interval, the category split, a monthly
 * trend (months in the tenant's time zone) with n per point, and breakdowns by touchpoint, journey
 * phase and business unit, plus the health of the loop. Aggregates run in SQL with FILTER.
 */
export async function dashboard(ctx: TenantContext, input: TDashboardFilter = {}) {
  authorize(ctx, 'insights.read');
  const f = ZDashboardFilter.parse(input);
  const tenant = await withTenant(ctx.tenantId, (tx) =>
    tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { timeZone: true } }),
  );
  const tz = tenant.timeZone;
  const period = resolvePeriod(f, tz);
  const where = Prisma.sql`
    r."tenantId" = ${ctx.tenantId}::uuid
    AND r."submittedAt" >= ${period.fromUtc} AND r."submittedAt" < ${period.toUtc}
    ${f.touchpointId ? Prisma.sql`AND r."touchpointId" = ${f.touchpointId}::uuid` : Prisma.empty}
    ${f.businessUnitId ? Prisma.sql`AND co."businessUnitId" = ${f.businessUnitId}::uuid` : Prisma.empty}`;
  const from = Prisma.sql`FROM "Response" r LEFT JOIN "Company" co ON co."tenantId" = r."tenantId" AND co."id" = r."companyId"`;
  // One transaction per aggregate, so they still run in parallel on separate connections.
  const query = <T>(sql: Prisma.Sql) => withTenant(ctx.tenantId, (tx) => tx.$queryRaw<T>(sql));

  const [total, months, touchpoints, phases, units, recent, loop] = await Promise.all([
    query<CountRow[]>(Prisma.sql`SELECT NULL AS key, ${counts} ${from} WHERE ${where}`),
    query<CountRow[]>(Prisma.sql`
      SELECT to_char(date_trunc('month', (r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}), 'YYYY-MM') AS key, ${counts}
      ${from} WHERE ${where} GROUP BY 1 ORDER BY 1`),
    query<(CountRow & { name: string; phase: string })[]>(Prisma.sql`
      SELECT t."id"::text AS key, t."name", t."phase"::text AS phase, ${counts}
      ${from} JOIN "Touchpoint" t ON t."tenantId" = r."tenantId" AND t."id" = r."touchpointId"
      WHERE ${where} GROUP BY t."id", t."name", t."phase" ORDER BY t."phase", t."name"`),
    query<CountRow[]>(Prisma.sql`
      SELECT t."phase"::text AS key, ${counts}
      ${from} JOIN "Touchpoint" t ON t."tenantId" = r."tenantId" AND t."id" = r."touchpointId"
      WHERE ${where} GROUP BY 1 ORDER BY 1`),
    query<(CountRow & { name: string | null })[]>(Prisma.sql`
      SELECT bu."id"::text AS key, bu."name", ${counts}
      ${from} LEFT JOIN "BusinessUnit" bu ON bu."tenantId" = co."tenantId" AND bu."id" = co."businessUnitId"
      WHERE ${where} GROUP BY bu."id", bu."name" ORDER BY bu."name" NULLS LAST`),
    query<
      {
        id: string;
        score: number;
        category: string;
        comment: string;
        submittedAt: Date;
        company: string | null;
      }[]
    >(Prisma.sql`
      SELECT r."id", r."score", r."category"::text AS category, r."comment", r."submittedAt", co."name" AS company
      ${from} WHERE ${where} AND r."comment" IS NOT NULL ORDER BY r."submittedAt" DESC LIMIT 8`),
    query<{ total: number; open: number; overdue: number; done: number; doneInTime: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE ft."status" <> 'DONE')::int AS open,
             count(*) FILTER (WHERE ft."status" <> 'DONE' AND ft."dueAt" < now())::int AS overdue,
             count(*) FILTER (WHERE ft."status" = 'DONE')::int AS done,
             count(*) FILTER (WHERE ft."status" = 'DONE' AND ft."closedAt" <= ft."dueAt")::int AS "doneInTime"
      FROM "FollowUpTask" ft
      JOIN "Response" r ON r."tenantId" = ft."tenantId" AND r."id" = ft."responseId"
      LEFT JOIN "Company" co ON co."tenantId" = r."tenantId" AND co."id" = r."companyId"
      WHERE ${where}`),
  ]);

  return {
    period: { from: period.from, to: period.to },
    timeZone: tz,
    summary: toSummary(total[0]),
    trend: months.map((m) => ({ month: m.key!, ...toSummary(m) })),
    byTouchpoint: touchpoints.map((t) => ({ id: t.key!, name: t.name, phase: t.phase, ...toSummary(t) })),
    byPhase: phases.map((p) => ({ phase: p.key!, ...toSummary(p) })),
    byBusinessUnit: units.map((u) => ({ id: u.key, name: u.name, ...toSummary(u) })),
    recentComments: recent,
    loop: loop[0] ?? { total: 0, open: 0, overdue: 0, done: 0, doneInTime: 0 },
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
