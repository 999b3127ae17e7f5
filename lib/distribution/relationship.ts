import type { Logger } from 'pino';
import { asSystem, Prisma, withTenant, type Tx } from '../db';
import { notFound } from '../errors';
import { logger } from '../log';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { ZId } from '../validation';
import { insertInvitationBatch, lockInvitationsOf, rulesOf } from './create';
import { tuneForAudience } from './fatigue';

const DAY = 86_400_000;

/**
 * The cycle of a relationship touchpoint on the day of `now` (UTC days): `days` long (the cadence in
 * months, a twelfth of a year each), the same boundaries for everyone, so a restarted scheduler or a
 * second worker computes the same cycle.
 */
export function cycleOf(now: Date, cadenceMonths: number) {
  const days = Math.max(1, Math.round((cadenceMonths * 365) / 12));
  const day = Math.floor(now.getTime() / DAY);
  const startDay = day - (day % days);
  return {
    days,
    cycleStart: new Date(startDay * DAY),
    dayStart: new Date(day * DAY),
    /** Days left in the cycle, today included. */
    remaining: days - (day - startDay),
  };
}

/**
 * How many to invite on a day: the contacts still due at the start of the day over the days left,
 * rounded up. Front-loads by at most one a day, so no day gets more than its share (population over
 * cycle days) + 1, and the last day takes the rest.
 */
export const dailyQuota = (dueAtDayStart: number, remaining: number) =>
  remaining <= 0 ? dueAtDayStart : Math.ceil(dueAtDayStart / remaining);

/** The next seven days' quotas from `due` contacts with `remaining` days left (this week's due). */
export function weekQuotas(due: number, remaining: number, days = 7): number[] {
  const out: number[] = [];
  let d = due;
  let r = remaining;
  for (let i = 0; i < days && d > 0; i++) {
    const q = dailyQuota(d, r);
    out.push(q);
    d -= q;
    r = r > 1 ? r - 1 : 1;
  }
  return out;
}

/**
 * Contacts of a relationship touchpoint's population that have not been surveyed for it in this
 * cycle: a contact of an active company with a usable address, not unsubscribed, not bounced. Those
 * the other fatigue rules hold back today (rest period, account rule, detractor quiet period) stay due.
 */
function dueFilter(tenantId: string, touchpointId: string, cycleStart: Date): Prisma.Sql {
  return Prisma.sql`c."companyId" IS NOT NULL AND co."active" AND c."unsubscribedAt" IS NULL
    AND c."bouncedAt" IS NULL AND c."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$'
    AND NOT EXISTS (
      SELECT 1 FROM "Invitation" i JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
      WHERE i."tenantId" = ${tenantId}::uuid AND i."contactId" = c."id" AND s."touchpointId" = ${touchpointId}::uuid
        AND i."createdAt" >= ${cycleStart} AND i."status" IN ('PENDING', 'SENDING', 'SENT'))`;
}

async function countDue(tx: Tx, tenantId: string, touchpointId: string, cycleStart: Date) {
  const [r] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Contact" c
    JOIN "Company" co ON co."tenantId" = c."tenantId" AND co."id" = c."companyId"
    WHERE c."tenantId" = ${tenantId}::uuid AND ${dueFilter(tenantId, touchpointId, cycleStart)}`;
  return r!.n;
}

/** Invitations of the touchpoint made since `since` (today's, for an idempotent day). */
async function countMadeSince(tx: Tx, tenantId: string, touchpointId: string, since: Date) {
  const [r] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Invitation" i
    JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
    WHERE i."tenantId" = ${tenantId}::uuid AND s."touchpointId" = ${touchpointId}::uuid
      AND i."createdAt" >= ${since} AND i."status" IN ('PENDING', 'SENDING', 'SENT')`;
  return r!.n;
}

export type RelationshipDay =
  | { outcome: 'invited'; quota: number; invited: number; due: number }
  | { outcome: 'no active survey' | 'not a relationship touchpoint' };

/**
 * One day of a relationship touchpoint: invites today's quota of its due contacts (the oldest contact
 * ids first) through its newest active survey, respecting every fatigue rule, in one INSERT … SELECT
 * with the invitations' outbox rows. Idempotent per day: what was made today counts against the
 * quota, so a second run (a retry, two workers) adds nothing; a day missed (no worker) is caught up
 * by the following days' quotas.
 */
export async function runRelationshipDay(
  tenantId: string,
  touchpointId: string,
  now: Date,
  log: Logger = logger,
): Promise<RelationshipDay> {
  return withTenant(
    tenantId,
    async (tx): Promise<RelationshipDay> => {
      await lockInvitationsOf(tx, tenantId);
      const tp = await tx.touchpoint.findUnique({ where: { tenantId_id: { tenantId, id: touchpointId } } });
      if (!tp || tp.kind !== 'RELATIONSHIP' || !tp.cadenceMonths)
        return { outcome: 'not a relationship touchpoint' };
      const survey = await tx.survey.findFirst({
        where: { tenantId, touchpointId, status: 'ACTIVE' },
        orderBy: { id: 'desc' },
      });
      if (!survey) return { outcome: 'no active survey' };
      const cycle = cycleOf(now, tp.cadenceMonths);
      await tuneForAudience(tx);
      const due = await countDue(tx, tenantId, touchpointId, cycle.cycleStart);
      const today = await countMadeSince(tx, tenantId, touchpointId, cycle.dayStart);
      const quota = dailyQuota(due + today, cycle.remaining) - today;
      if (quota <= 0) return { outcome: 'invited', quota: 0, invited: 0, due };
      const r = await insertInvitationBatch(tx, {
        tenantId,
        surveyId: survey.id,
        distributionId: null,
        where: dueFilter(tenantId, touchpointId, cycle.cycleStart),
        rules: await rulesOf(tx, tenantId),
        now,
        batch: null,
        take: quota,
      });
      log.info({ touchpointId, due, quota, invited: r.queued }, 'relationship day');
      return { outcome: 'invited', quota, invited: r.queued, due };
    },
    { timeout: 120_000 },
  );
}

/**
 * Scheduled job (relationship-cadence): finds the relationship touchpoints of all tenants (the one
 * cross-tenant read), then runs each one's day in its own tenant.
 */
export async function runRelationshipCadence(now: Date, log: Logger = logger) {
  const tps = await asSystem('relationship cadence', (tx) =>
    tx.touchpoint.findMany({
      where: { kind: 'RELATIONSHIP', cadenceMonths: { not: null } },
      select: { tenantId: true, id: true },
    }),
  );
  const results = [];
  for (const tp of tps) results.push({ ...tp, ...(await runRelationshipDay(tp.tenantId, tp.id, now, log)) });
  return results;
}

/**
 * For the CX manager: a relationship touchpoint's cycle and who is due this week (the next seven
 * days' quotas, the contacts in the order the scheduler takes them; the fatigue rules may still hold
 * some back on the day).
 */
export async function relationshipOutlook(ctx: TenantContext, touchpointId: string, now = new Date()) {
  authorize(ctx, 'survey.manage');
  if (!ZId.safeParse(touchpointId).success) throw notFound();
  return withTenant(ctx.tenantId, async (tx) => {
    const tp = await tx.touchpoint.findUnique({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: touchpointId } },
    });
    if (!tp || tp.kind !== 'RELATIONSHIP' || !tp.cadenceMonths) throw notFound();
    const cycle = cycleOf(now, tp.cadenceMonths);
    await tuneForAudience(tx);
    const due = await countDue(tx, ctx.tenantId, touchpointId, cycle.cycleStart);
    const today = await countMadeSince(tx, ctx.tenantId, touchpointId, cycle.dayStart);
    const surveyed = await countMadeSince(tx, ctx.tenantId, touchpointId, cycle.cycleStart);
    const quotas = weekQuotas(due + today, cycle.remaining);
    const week = Math.max(0, quotas.reduce((a, b) => a + b, 0) - today);
    const rows = await tx.$queryRaw<{ id: string; email: string; name: string | null; company: string }[]>`
      SELECT c."id"::text AS "id", c."email", c."name", co."name" AS "company" FROM "Contact" c
      JOIN "Company" co ON co."tenantId" = c."tenantId" AND co."id" = c."companyId"
      WHERE c."tenantId" = ${ctx.tenantId}::uuid AND ${dueFilter(ctx.tenantId, touchpointId, cycle.cycleStart)}
      ORDER BY c."id" LIMIT ${Math.min(week, 100)}`;
    const survey = await tx.survey.findFirst({
      where: { tenantId: ctx.tenantId, touchpointId, status: 'ACTIVE' },
      select: { id: true, name: true },
    });
    return {
      touchpoint: { id: tp.id, name: tp.name, cadenceMonths: tp.cadenceMonths },
      survey,
      cycle: { start: cycle.cycleStart, days: cycle.days, remaining: cycle.remaining },
      surveyed,
      due,
      week,
      rows,
    };
  });
}
