/**
 * The insights rollups: InsightDaily holds answer counts per closed local day, touchpoint and company
 * segment. They are maintained in batches, never by a counter row per answer:
 * - `rollUp` (the scheduled job `insights-rollup`) adds the days that closed since the last run and
 *   recomputes the dirty days, each day from the raw rows (delete + insert, so a rerun changes nothing);
 * - a changed answer (`response.changed`) or a late one (`response.submitted` on a closed day) marks
 *   its day dirty (`markResponseDay`, the job `insights-mark-day`); a company that moves to another
 *   business unit, region or account manager marks its days dirty in the same statement (the trigger
 *   `insights_company_moved`, so every path that changes a company is covered);
 * - `rebuild` (npm run insights:rebuild -- <tenant>) recomputes a tenant from scratch, idempotently;
 * - `reconcile` (the scheduled job `insights-reconcile`) proves the rollups equal the raw rows and
 *   marks any day that differs dirty, so the next rollUp repairs it.
 * Readers (queries.ts) take dirty days and open days from the raw rows, so figures are exact meanwhile.
 */
import type { Logger } from 'pino';
import { asSystem, Prisma, withTenant, type Tx } from '../db';
import { addDays, dayStartUtc, todayIn } from './period';
import { localDay, RAW_FROM } from './queries';

/** Days recomputed per transaction: a bounded amount of work per step. */
const BATCH_DAYS = 31;
const LONG = { timeout: 15 * 60_000, maxWait: 10_000 };

/** One rollup run per tenant at a time (the job, a rebuild from the command line). */
const lockTenant = (tx: Tx, tenantId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('insights:' || ${tenantId}, 0))`;

/** Recomputes the given local days of a tenant from the raw rows (delete, then insert). */
async function recomputeDays(tx: Tx, tenantId: string, tz: string, days: string[]) {
  if (!days.length) return 0;
  const sorted = [...days].sort();
  const a = dayStartUtc(sorted[0]!, tz);
  const b = dayStartUtc(addDays(sorted[sorted.length - 1]!, 1), tz);
  await tx.$executeRaw`DELETE FROM "InsightDaily" WHERE "tenantId" = ${tenantId}::uuid AND "day" = ANY(${sorted}::date[])`;
  return tx.$executeRaw(Prisma.sql`
    INSERT INTO "InsightDaily" ("tenantId", "id", "day", "touchpointId", "businessUnitId", "region",
                                "ownerMembershipId", "promoters", "passives", "detractors")
    SELECT r."tenantId", kringloop_uuidv7(), ${localDay(tz)}, r."touchpointId", co."businessUnitId", co."region",
           co."ownerMembershipId",
           count(*) FILTER (WHERE r."category" = 'PROMOTER')::int, count(*) FILTER (WHERE r."category" = 'PASSIVE')::int,
           count(*) FILTER (WHERE r."category" = 'DETRACTOR')::int
    ${RAW_FROM}
    WHERE r."tenantId" = ${tenantId}::uuid AND r."submittedAt" >= ${a} AND r."submittedAt" < ${b}
      AND ${localDay(tz)} = ANY(${sorted}::date[])
    GROUP BY 1, 3, 4, 5, 6, 7`);
}

interface RollupState {
  timeZone: string;
  closedThrough: string | null;
  rollupZone: string | null;
}

async function state(tx: Tx, tenantId: string): Promise<RollupState> {
  const rows = await tx.$queryRaw<RollupState[]>`
    SELECT "timeZone", to_char("insightsClosedThrough", 'YYYY-MM-DD') AS "closedThrough",
           "insightsTimeZone" AS "rollupZone"
    FROM "Tenant" WHERE "id" = ${tenantId}::uuid`;
  if (!rows[0]) throw new Error(`tenant ${tenantId} not found`);
  return rows[0];
}

const setClosedThrough = (tx: Tx, tenantId: string, day: string, tz: string) =>
  tx.$executeRaw`UPDATE "Tenant" SET "insightsClosedThrough" = ${day}::date, "insightsTimeZone" = ${tz}
    WHERE "id" = ${tenantId}::uuid`;

/**
 * Rebuilds a tenant's rollups from scratch: every local day before today, in the tenant's current
 * time zone. One transaction: readers see the old rollups or the new, never half. Idempotent.
 */
export async function rebuild(tenantId: string, now = new Date()) {
  return withTenant(
    tenantId,
    async (tx) => {
      await lockTenant(tx, tenantId);
      const s = await state(tx, tenantId);
      const yesterday = addDays(todayIn(s.timeZone, now), -1);
      const end = dayStartUtc(addDays(yesterday, 1), s.timeZone);
      await tx.$executeRaw`DELETE FROM "InsightDaily" WHERE "tenantId" = ${tenantId}::uuid`;
      await tx.$executeRaw`DELETE FROM "InsightDirtyDay" WHERE "tenantId" = ${tenantId}::uuid`;
      const rows = await tx.$executeRaw(Prisma.sql`
        INSERT INTO "InsightDaily" ("tenantId", "id", "day", "touchpointId", "businessUnitId", "region",
                                    "ownerMembershipId", "promoters", "passives", "detractors")
        SELECT r."tenantId", kringloop_uuidv7(), ${localDay(s.timeZone)}, r."touchpointId", co."businessUnitId",
               co."region", co."ownerMembershipId",
               count(*) FILTER (WHERE r."category" = 'PROMOTER')::int,
               count(*) FILTER (WHERE r."category" = 'PASSIVE')::int,
               count(*) FILTER (WHERE r."category" = 'DETRACTOR')::int
        ${RAW_FROM}
        WHERE r."tenantId" = ${tenantId}::uuid AND r."submittedAt" < ${end}
        GROUP BY 1, 3, 4, 5, 6, 7`);
      await setClosedThrough(tx, tenantId, yesterday, s.timeZone);
      return { rows, closedThrough: yesterday };
    },
    LONG,
  );
}

/**
 * Brings one tenant's rollups up to yesterday (local): the days that closed since the last run and
 * the dirty days, in batches of BATCH_DAYS days per transaction. A tenant without rollups, or whose
 * time zone changed, is rebuilt.
 */
export async function rollUpTenant(tenantId: string, now = new Date()) {
  const first = await withTenant(tenantId, (tx) => state(tx, tenantId));
  if (first.closedThrough === null || first.rollupZone !== first.timeZone) {
    const r = await rebuild(tenantId, now);
    return { rebuilt: true, days: 0, closedThrough: r.closedThrough };
  }
  let days = 0;
  for (;;) {
    const step = await withTenant(
      tenantId,
      async (tx) => {
        await lockTenant(tx, tenantId);
        const s = await state(tx, tenantId);
        if (s.closedThrough === null || s.rollupZone !== s.timeZone) return null; // a rebuild's job
        const yesterday = addDays(todayIn(s.timeZone, now), -1);
        const closing: string[] = [];
        for (
          let d = addDays(s.closedThrough, 1);
          d <= yesterday && closing.length < BATCH_DAYS;
          d = addDays(d, 1)
        )
          closing.push(d);
        const dirty = await tx.$queryRaw<{ day: string }[]>`
          DELETE FROM "InsightDirtyDay" WHERE "tenantId" = ${tenantId}::uuid AND "day" IN (
            SELECT "day" FROM "InsightDirtyDay" WHERE "tenantId" = ${tenantId}::uuid
            ORDER BY "day" LIMIT ${BATCH_DAYS - closing.length + 1})
          RETURNING to_char("day", 'YYYY-MM-DD') AS "day"`;
        const all = [...new Set([...closing, ...dirty.map((d) => d.day)])];
        await recomputeDays(tx, tenantId, s.timeZone, all);
        if (closing.length) await setClosedThrough(tx, tenantId, closing[closing.length - 1]!, s.timeZone);
        return all.length;
      },
      LONG,
    );
    if (!step) break;
    days += step;
  }
  const end = await withTenant(tenantId, (tx) => state(tx, tenantId));
  return { rebuilt: false, days, closedThrough: end.closedThrough };
}

/** The tenants to roll up: ids only (the work itself runs per tenant in withTenant). */
async function tenantIds(): Promise<string[]> {
  const rows = await asSystem('insights rollup', (tx) => tx.tenant.findMany({ select: { id: true } }));
  return rows.map((r) => r.id);
}

/** The scheduled rollup: every tenant, one at a time; one tenant's failure does not stop the others. */
export async function rollUp(now: Date, log: Logger) {
  let tenants = 0;
  let days = 0;
  for (const id of await tenantIds()) {
    try {
      const r = await rollUpTenant(id, now);
      tenants++;
      days += r.days;
    } catch (err) {
      log.error({ err, tenantId: id }, 'insights rollup failed for a tenant');
    }
  }
  log.info({ tenants, days }, 'insights rollups up to date');
  return { tenants, days };
}

/**
 * Marks the local day of an answer dirty when that day is already rolled up (a changed category, a
 * late answer). Today's answers mark nothing: today is always read from the raw rows.
 */
export async function markResponseDay(p: { tenantId: string; responseId: string }) {
  return withTenant(p.tenantId, async (tx) => {
    const n = await tx.$executeRaw(Prisma.sql`
      INSERT INTO "InsightDirtyDay" ("tenantId", "day", "createdAt")
      SELECT r."tenantId", d.day, now()
      FROM "Response" r JOIN "Tenant" t ON t."id" = r."tenantId",
           LATERAL (SELECT ((r."submittedAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date AS day) d
      WHERE r."tenantId" = ${p.tenantId}::uuid AND r."id" = ${p.responseId}::uuid
        AND t."insightsClosedThrough" IS NOT NULL AND d.day <= t."insightsClosedThrough"
      ON CONFLICT ("tenantId", "day") DO NOTHING`);
    return { marked: n > 0 };
  });
}

/**
 * Proves the rollups equal the raw rows: for every rolled-up day that is not dirty, the counts per
 * (day, touchpoint, business unit, region, account manager) must match. Days that differ are marked
 * dirty (the next rollUp repairs them) and returned.
 */
export async function reconcileTenant(tenantId: string) {
  return withTenant(
    tenantId,
    async (tx) => {
      const s = await state(tx, tenantId);
      if (s.closedThrough === null || s.rollupZone !== s.timeZone) return { checked: false, mismatched: [] };
      const end = dayStartUtc(addDays(s.closedThrough, 1), s.timeZone);
      const rows = await tx.$queryRaw<{ day: string }[]>(Prisma.sql`
        WITH raw AS (
          SELECT ${localDay(s.timeZone)} AS "day", r."touchpointId", co."businessUnitId", co."region",
                 co."ownerMembershipId",
                 count(*) FILTER (WHERE r."category" = 'PROMOTER')::int AS p,
                 count(*) FILTER (WHERE r."category" = 'PASSIVE')::int AS pa,
                 count(*) FILTER (WHERE r."category" = 'DETRACTOR')::int AS d
          ${RAW_FROM}
          WHERE r."tenantId" = ${tenantId}::uuid AND r."submittedAt" < ${end}
          GROUP BY 1, 2, 3, 4, 5
        ), roll AS (
          SELECT x."day", x."touchpointId", x."businessUnitId", x."region", x."ownerMembershipId",
                 sum(x."promoters")::int AS p, sum(x."passives")::int AS pa, sum(x."detractors")::int AS d
          FROM "InsightDaily" x WHERE x."tenantId" = ${tenantId}::uuid
          GROUP BY 1, 2, 3, 4, 5
        )
        SELECT DISTINCT to_char(COALESCE(raw."day", roll."day"), 'YYYY-MM-DD') AS "day"
        FROM raw FULL JOIN roll
          ON raw."day" = roll."day" AND raw."touchpointId" = roll."touchpointId"
         AND raw."businessUnitId" IS NOT DISTINCT FROM roll."businessUnitId"
         AND raw."region" IS NOT DISTINCT FROM roll."region"
         AND raw."ownerMembershipId" IS NOT DISTINCT FROM roll."ownerMembershipId"
        WHERE (raw.p, raw.pa, raw.d) IS DISTINCT FROM (roll.p, roll.pa, roll.d)
          AND NOT EXISTS (SELECT 1 FROM "InsightDirtyDay" dd
                          WHERE dd."tenantId" = ${tenantId}::uuid AND dd."day" = COALESCE(raw."day", roll."day"))
        ORDER BY 1`);
      const mismatched = rows.map((r) => r.day);
      if (mismatched.length)
        await tx.$executeRaw`INSERT INTO "InsightDirtyDay" ("tenantId", "day", "createdAt")
          SELECT ${tenantId}::uuid, d::date, now() FROM unnest(${mismatched}::text[]) AS d
          ON CONFLICT ("tenantId", "day") DO NOTHING`;
      return { checked: true, mismatched };
    },
    LONG,
  );
}

/** The scheduled reconcile: every tenant; a mismatch is logged as a warning and repaired. */
export async function reconcile(log: Logger) {
  let tenants = 0;
  const mismatches: { tenantId: string; days: string[] }[] = [];
  for (const id of await tenantIds()) {
    try {
      const r = await reconcileTenant(id);
      tenants++;
      if (r.mismatched.length) {
        mismatches.push({ tenantId: id, days: r.mismatched });
        log.warn(
          { tenantId: id, days: r.mismatched },
          'insights rollups differed from the answers; marked for repair',
        );
      }
    } catch (err) {
      log.error({ err, tenantId: id }, 'insights reconcile failed for a tenant');
    }
  }
  log.info({ tenants, mismatched: mismatches.length }, 'insights rollups reconciled');
  return { tenants, mismatches };
}

/** The tenant a command names, by id or slug (the command line has no session). */
export async function findTenantForRebuild(idOrSlug: string): Promise<{ id: string; slug: string } | null> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  return asSystem('insights rollup', (tx) =>
    tx.tenant.findFirst({
      where: isId ? { id: idOrSlug } : { slug: idOrSlug },
      select: { id: true, slug: true },
    }),
  );
}
