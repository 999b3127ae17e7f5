import { Prisma, type Tx } from '../db';
import type { TAudience } from './schemas';

/**
 * The fatigue rules, in one SQL expression over a whole audience (set-based: one statement however
 * many contacts). Each contact gets at most one reason, the first that holds, in this order:
 */
export const SKIP_REASONS = [
  'NO_EMAIL',
  'INACTIVE_COMPANY',
  'UNSUBSCRIBED',
  'BOUNCED',
  'THROTTLED',
  'DETRACTOR_FOLLOW_UP',
  'ACCOUNT_FATIGUE',
] as const;
export type TSkipReason = (typeof SKIP_REASONS)[number];

export interface FatigueRules {
  /** A contact invited within this many days is skipped (0 = off). */
  throttleDays: number;
  /** At most `accountRuleMax` invitations per company within `accountRuleDays` days. */
  accountRuleMax: number;
  accountRuleDays: number;
}

export function audienceFilter(a: TAudience): Prisma.Sql {
  switch (a.type) {
    case 'all':
      return Prisma.sql`TRUE`;
    case 'companies':
      return Prisma.sql`c."companyId" = ANY(${a.companyIds}::uuid[])`;
    case 'businessUnits':
      return Prisma.sql`co."businessUnitId" = ANY(${a.businessUnitIds}::uuid[])`;
    case 'contacts':
      return Prisma.sql`c."id" = ANY(${a.contactIds}::uuid[])`;
  }
}

/** Invitations that count for the throttle and the account rule: made, whether or not already sent. */
const COUNTING = Prisma.sql`('PENDING', 'SENDING', 'SENT')`;

export interface EvaluateOptions {
  tenantId: string;
  /** Which contacts: a send's audience (a filter on c = Contact, co = Company). */
  where: Prisma.Sql;
  rules: FatigueRules;
  now: Date;
  /** Only contacts with an id after this one, in id order, at most `limit`: one batch of a send. */
  batch?: { after: string | null; limit: number };
}

/**
 * A subquery with one row per contact of the audience: "contactId", "companyId", "locale", "email",
 * "name", "companyName" and "reason" (a TSkipReason as text, or NULL = invite).
 *
 * The account rule gives a company's free places (K minus its counting invitations within D days) to
 * its eligible contacts in contact id order. A send creates its invitations in batches in the same
 * order, and a later batch counts the earlier batches' invitations, so a preview of the whole audience
 * and a send in batches reach the same contacts.
 */
export function evaluateAudience(o: EvaluateOptions): Prisma.Sql {
  const { tenantId, rules, now } = o;
  const t = Prisma.sql`${tenantId}::uuid`;
  const throttleCutoff = new Date(now.getTime() - Math.max(rules.throttleDays, 0) * 86_400_000);
  const accountCutoff = new Date(now.getTime() - Math.max(rules.accountRuleDays, 0) * 86_400_000);
  const range = o.batch
    ? Prisma.sql`${o.batch.after ? Prisma.sql`AND c."id" > ${o.batch.after}::uuid` : Prisma.empty}
        ORDER BY c."id" LIMIT ${o.batch.limit}`
    : Prisma.empty;
  return Prisma.sql`(
    WITH aud AS MATERIALIZED (
      SELECT c."id", c."companyId", c."locale", c."email", c."name", c."unsubscribedAt", c."bouncedAt",
             co."active" AS "companyActive", co."name" AS "companyName"
      FROM "Contact" c
      LEFT JOIN "Company" co ON co."tenantId" = c."tenantId" AND co."id" = c."companyId"
      WHERE c."tenantId" = ${t} AND ${o.where} ${range}
    ),
    det AS (
      SELECT DISTINCT "companyId" FROM "FollowUpTask"
      WHERE "tenantId" = ${t} AND "category" = 'DETRACTOR' AND "status" <> 'DONE' AND "companyId" IS NOT NULL
    ),
    flagged AS (
      SELECT a.*, CASE
        WHEN a."email" !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN 'NO_EMAIL'
        WHEN a."companyActive" = FALSE THEN 'INACTIVE_COMPANY'
        WHEN a."unsubscribedAt" IS NOT NULL THEN 'UNSUBSCRIBED'
        WHEN a."bouncedAt" IS NOT NULL THEN 'BOUNCED'
        WHEN ${rules.throttleDays > 0} AND EXISTS (
          SELECT 1 FROM "Invitation" i
          WHERE i."tenantId" = ${t} AND i."contactId" = a."id" AND i."createdAt" > ${throttleCutoff}
            AND i."status" IN ${COUNTING}) THEN 'THROTTLED'
        WHEN a."companyId" IN (SELECT "companyId" FROM det) THEN 'DETRACTOR_FOLLOW_UP'
      END AS reason
      FROM aud a
    ),
    recent AS (
      SELECT i."companyId", count(*)::int AS n FROM "Invitation" i
      WHERE i."tenantId" = ${t} AND i."createdAt" > ${accountCutoff} AND i."status" IN ${COUNTING}
        AND i."companyId" IN (SELECT "companyId" FROM aud)
      GROUP BY i."companyId"
    ),
    ranked AS (
      SELECT f.*, row_number() OVER (PARTITION BY f."companyId", f.reason IS NULL ORDER BY f."id") AS rn
      FROM flagged f
    )
    SELECT r."id" AS "contactId", r."companyId", r."locale", r."email", r."name", r."companyName",
      COALESCE(r.reason, CASE WHEN r."companyId" IS NOT NULL
        AND r.rn + COALESCE(rc.n, 0) > ${rules.accountRuleMax} THEN 'ACCOUNT_FATIGUE' END) AS reason
    FROM ranked r LEFT JOIN recent rc ON rc."companyId" = r."companyId"
  )`;
}

/**
 * Settings for the rest of a transaction that evaluates an audience. The planner's cost for the
 * statement is large (a window over every contact), which switches JIT compilation on: seconds of
 * compiling for a statement that runs in a few hundred milliseconds. And the sort of 100,000 contacts
 * fits in memory with a little more work_mem than the default 4 MB.
 */
export async function tuneForAudience(tx: Tx) {
  await tx.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
}
