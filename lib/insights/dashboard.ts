/**
 * The director's dashboard, assembled: figures from queries.ts (rollups for closed days + raw rows
 * for the rest), periods from period.ts, NPS math and the significance test from lib/nps.
 */
import { withTenant } from '../db';
import type { Counts } from '../nps';
import { add, changeBetween, figure, ZERO, type Change, type Figure } from './figures';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput } from '../validation';
import {
  addDays,
  buckets,
  comparisonRange,
  defaultRange,
  periodOf,
  ROLLING_DAYS,
  type Comparison,
  type Granularity,
} from './period';
import {
  breakdownCounts,
  dailyCounts,
  filterOptions,
  loadScope,
  loopHealth,
  recentComments,
  totalCounts,
  type CountRow,
  type DimensionFilter,
  type Scope,
} from './queries';
import { ZInsightsFilter, type TInsightsFilter } from './schemas';

export type { Change, Figure };

/** Sums daily rows over [from, to]. */
function sumDays(days: CountRow[], from: string, to: string): Counts {
  let c = ZERO;
  for (const d of days) if (d.key! >= from && d.key! <= to) c = add(c, d);
  return c;
}

/** Rolling NPS over the ROLLING_DAYS days ending at each day, from prefix sums over the daily rows. */
function rollingAt(days: CountRow[], ends: string[], minN: number): Figure[] {
  return ends.map((end) => figure(sumDays(days, addDays(end, -(ROLLING_DAYS - 1)), end), minN));
}

export function dimensionFilter(f: TInsightsFilter): DimensionFilter {
  return {
    touchpointId: f.touchpointId,
    phase: f.phase,
    businessUnitId: f.businessUnitId,
    region: f.region,
    ownerMembershipId: f.ownerMembershipId,
  };
}

/**
 * The dashboard for a period: NPS with n, interval and min-n verdict; the change against the
 * comparison period with its significance; a trend per ISO week / month / quarter with a rolling
 * 90-day NPS per point; breakdowns by touchpoint, journey phase and business unit; recent comments;
 * the health of the follow-up loop. Bad filters are a 400 naming the field.
 */
export async function dashboard(ctx: TenantContext, input: TInsightsFilter = {}, now = new Date()) {
  authorize(ctx, 'insights.read');
  const f = parseInput(ZInsightsFilter, input, ctx.locale);
  const scope = await withTenant(ctx.tenantId, (tx) => loadScope(tx, ctx.tenantId));
  return assemble(ctx, scope, f, now);
}

async function assemble(
  ctx: TenantContext,
  scope: Scope,
  f: ReturnType<typeof ZInsightsFilter.parse>,
  now: Date,
) {
  const tz = scope.timeZone;
  const d = defaultRange(tz, now);
  const period = periodOf(f.from ?? d.from, f.to ?? d.to, tz);
  const granularity: Granularity = f.granularity;
  const compare: Comparison = f.compare;
  const dims = dimensionFilter(f);
  const cmp = comparisonRange(period, compare);
  // Separate transactions, so the aggregates run in parallel on separate connections.
  const q = <T>(fn: (tx: Parameters<Parameters<typeof withTenant>[1]>[0]) => Promise<T>) =>
    withTenant(ctx.tenantId, fn);
  const dailyFrom = addDays(period.from, -(ROLLING_DAYS - 1));
  const [days, breakdown, comparison, recent, loop, options] = await Promise.all([
    q((tx) => dailyCounts(tx, scope, dailyFrom, period.to, dims)),
    q((tx) => breakdownCounts(tx, scope, period.from, period.to, dims)),
    cmp ? q((tx) => totalCounts(tx, scope, cmp.from, cmp.to, dims)) : Promise.resolve(null),
    q((tx) => recentComments(tx, scope, period.fromUtc, period.toUtc, dims)),
    q((tx) => loopHealth(tx, scope, period.fromUtc, period.toUtc, dims, now)),
    q((tx) => filterOptions(tx, ctx.tenantId)),
  ]);
  const minN = scope.minN;
  const summary = figure(sumDays(days, period.from, period.to), minN);
  const previous = comparison ? figure(comparison, minN) : null;
  const bs = buckets(period.from, period.to, granularity);
  const rolling = rollingAt(
    days,
    bs.map((b) => b.to),
    minN,
  );
  const trend = bs.map((b, i) => ({
    key: b.key,
    label: b.label,
    from: b.from,
    to: b.to,
    ...figure(sumDays(days, b.from, b.to), minN),
    rolling: rolling[i]!,
  }));
  const tpById = new Map(options.touchpoints.map((t) => [t.id, t]));
  const buById = new Map(options.businessUnits.map((b) => [b.id, b]));
  const byTouchpoint = breakdown.touchpoints
    .filter((r) => r.key && tpById.has(r.key))
    .map((r) => {
      const tp = tpById.get(r.key!)!;
      return {
        id: tp.id,
        name: tp.name,
        phase: tp.phase as string,
        customPhase: tp.customPhase,
        ...figure(r, minN),
      };
    })
    .sort((a, b) => a.phase.localeCompare(b.phase) || a.name.localeCompare(b.name));
  const phases = new Map<string, Counts>();
  for (const r of breakdown.touchpoints) {
    const tp = r.key ? tpById.get(r.key) : undefined;
    if (tp) phases.set(tp.phase, add(phases.get(tp.phase) ?? ZERO, r));
  }
  const byPhase = [...phases.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([phase, c]) => ({ phase, ...figure(c, minN) }));
  const byBusinessUnit = breakdown.businessUnits
    .map((r) => ({ id: r.key, name: r.key ? (buById.get(r.key)?.name ?? null) : null, ...figure(r, minN) }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));

  return {
    period: { from: period.from, to: period.to },
    filter: { ...dims, granularity, compare },
    timeZone: tz,
    minN,
    summary,
    rolling90: rollingAt(days, [period.to], minN)[0]!,
    comparison:
      previous && cmp ? { ...cmp, summary: previous, change: changeBetween(summary, previous) } : null,
    trend,
    byTouchpoint,
    byPhase,
    byBusinessUnit,
    recentComments: recent,
    loop,
    options,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
