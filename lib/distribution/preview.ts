import { Prisma, withTenant, type Tx } from '../db';
import { notFound } from '../errors';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput } from '../validation';
import { rulesOf } from './create';
import { audienceFilter, evaluateAudience, SKIP_REASONS, tuneForAudience, type TSkipReason } from './fatigue';
import { ZPreviewSend, ZSkippedPage, type TAudience, type TPreviewSend, type TSkippedPage } from './schemas';

export interface SendPreview {
  /** Contacts in the audience. */
  total: number;
  /** Invitations the send will create and mail. */
  invite: number;
  skipped: Record<TSkipReason, number>;
}

export const SKIPPED_PAGE_SIZE = 50;

async function surveyOf(tx: Tx, tenantId: string, surveyId: string) {
  const survey = await tx.survey.findUnique({ where: { tenantId_id: { tenantId, id: surveyId } } });
  if (!survey) throw notFound('Survey not found');
  return survey;
}

/** Counts of one evaluated audience: the figures a preview shows and a confirmation must match. */
export async function countAudience(tx: Tx, tenantId: string, audience: TAudience, now: Date) {
  const rules = await rulesOf(tx, tenantId);
  await tuneForAudience(tx);
  const rows = await tx.$queryRaw<{ reason: TSkipReason | null; n: number }[]>`
    SELECT e.reason, count(*)::int AS n
    FROM ${evaluateAudience({ tenantId, where: audienceFilter(audience), rules, now })} e
    GROUP BY e.reason`;
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<TSkipReason, number>;
  let invite = 0;
  for (const r of rows) {
    if (r.reason === null) invite = r.n;
    else skipped[r.reason] = r.n;
  }
  return { total: rows.reduce((n, r) => n + r.n, 0), invite, skipped } satisfies SendPreview;
}

/**
 * The skip preview: how many contacts of the audience a send would invite, and per reason how many
 * it would skip. One set-based statement over the audience (see fatigue.ts); the confirmed send
 * creates its invitations with the same expression.
 */
export async function previewSend(
  ctx: TenantContext,
  input: TPreviewSend,
  now: Date = new Date(),
): Promise<SendPreview> {
  authorize(ctx, 'distribution.send');
  const { surveyId, audience } = parseInput(ZPreviewSend, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await surveyOf(tx, ctx.tenantId, surveyId);
    return countAudience(tx, ctx.tenantId, audience, now);
  });
}

export interface SkippedContact {
  contactId: string;
  email: string;
  name: string | null;
  companyName: string | null;
}

const skippedQuery = (
  tenantId: string,
  audience: TAudience,
  rules: Awaited<ReturnType<typeof rulesOf>>,
  now: Date,
) => evaluateAudience({ tenantId, where: audienceFilter(audience), rules, now });

/** Who a send would skip for one reason, a page at a time (contact id order; `after` = last id seen). */
export async function skippedPage(
  ctx: TenantContext,
  input: TSkippedPage,
  now: Date = new Date(),
): Promise<{ rows: SkippedContact[]; next: string | null }> {
  authorize(ctx, 'distribution.send');
  const { surveyId, audience, reason, after } = parseInput(ZSkippedPage, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await surveyOf(tx, ctx.tenantId, surveyId);
    const rules = await rulesOf(tx, ctx.tenantId);
    await tuneForAudience(tx);
    const rows = await tx.$queryRaw<SkippedContact[]>`
      SELECT e."contactId"::text AS "contactId", e."email", e."name", e."companyName"
      FROM ${skippedQuery(ctx.tenantId, audience, rules, now)} e
      WHERE e.reason = ${reason} ${after ? Prisma.sql`AND e."contactId" > ${after}::uuid` : Prisma.empty}
      ORDER BY e."contactId" LIMIT ${SKIPPED_PAGE_SIZE + 1}`;
    const more = rows.length > SKIPPED_PAGE_SIZE;
    const page = rows.slice(0, SKIPPED_PAGE_SIZE);
    return { rows: page, next: more ? page[page.length - 1]!.contactId : null };
  });
}

const csvCell = (v: string | null) => {
  const s = v ?? '';
  // Quote always; a leading =, +, - or @ would be a formula in a spreadsheet.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

/**
 * Every skipped contact of a preview as CSV (reason, email, name, company), written to `write` in
 * chunks from a server-side cursor: one evaluation, never the whole list in memory.
 */
export async function writeSkippedCsv(
  ctx: TenantContext,
  input: TPreviewSend,
  write: (chunk: string) => Promise<void>,
  labels: { header: [string, string, string, string]; reason: Record<TSkipReason, string> },
  now: Date = new Date(),
): Promise<void> {
  authorize(ctx, 'distribution.send');
  const { surveyId, audience } = parseInput(ZPreviewSend, input, ctx.locale);
  await withTenant(
    ctx.tenantId,
    async (tx) => {
      await surveyOf(tx, ctx.tenantId, surveyId);
      const rules = await rulesOf(tx, ctx.tenantId);
      await tuneForAudience(tx);
      await tx.$executeRaw`
        DECLARE skipped NO SCROLL CURSOR FOR
        SELECT e.reason, e."email", e."name", e."companyName"
        FROM ${skippedQuery(ctx.tenantId, audience, rules, now)} e
        WHERE e.reason IS NOT NULL ORDER BY e.reason, e."contactId"`;
      await write(`${labels.header.map(csvCell).join(',')}\r\n`);
      for (;;) {
        const rows = await tx.$queryRaw<
          { reason: TSkipReason; email: string; name: string | null; companyName: string | null }[]
        >`FETCH 2000 FROM skipped`;
        if (rows.length === 0) break;
        await write(
          rows
            .map(
              (r) =>
                [labels.reason[r.reason], r.email, r.name, r.companyName].map(csvCell).join(',') + '\r\n',
            )
            .join(''),
        );
      }
    },
    { timeout: 120_000 },
  );
}
