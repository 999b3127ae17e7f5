import { uuidv7 } from 'uuidv7';
import { withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import { writeOutbox } from '../queue/events';
import { actorOf, type TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, rule, ZId } from '../validation';
import { lockInvitationsOf } from './create';
import type { TSkipReason } from './fatigue';
import { countAudience } from './preview';
import { ZSendSurvey, type TSendSurvey } from './schemas';

export interface SendSummary {
  distributionId: string;
  /** What the confirmed preview promised; the invitations are created by the create-invitations job. */
  total: number;
  queued: number;
  skipped: Record<TSkipReason, number>;
}

/** The refusal of a confirmation whose preview no longer holds (see sendSurvey). */
export const isPreviewChanged = (err: AppError) =>
  (err.details as { previewChanged?: boolean } | undefined)?.previewChanged === true;

/**
 * Confirms a send whose skip preview the CX manager saw: `expectInvite` is the preview's number of
 * invitations. The audience is evaluated again under the tenant's invitation lock; when the number
 * changed meanwhile (a contact answered, a send to the same company went out) the send is refused,
 * so nothing leaves with other numbers than the ones confirmed. The send record is written with an
 * outbox event in the same transaction; the job create-invitations then creates the invitations in
 * batches (lib/distribution/create.ts).
 */
export async function sendSurvey(
  ctx: TenantContext,
  input: TSendSurvey,
  now: Date = new Date(),
): Promise<SendSummary> {
  authorize(ctx, 'distribution.send');
  const { surveyId, audience, expectInvite } = parseInput(ZSendSurvey, input, ctx.locale);
  return withTenant(
    ctx.tenantId,
    async (tx) => {
      const survey = await tx.survey.findUnique({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: surveyId } },
      });
      if (!survey) throw notFound('Survey not found');
      if (survey.status !== 'ACTIVE') throw new AppError('CONFLICT', rule(ctx.locale, 'surveyNotActive'));
      await lockInvitationsOf(tx, ctx.tenantId);
      const counts = await countAudience(tx, ctx.tenantId, audience, now);
      if (counts.invite !== expectInvite)
        throw new AppError('CONFLICT', rule(ctx.locale, 'previewChanged', { count: counts.invite }), {
          previewChanged: true,
        });
      const distributionId = uuidv7();
      await tx.distribution.create({
        data: {
          tenantId: ctx.tenantId,
          id: distributionId,
          surveyId,
          createdByMembershipId: ctx.membershipId,
          audience,
          plannedTotal: counts.total,
          plannedInvite: counts.invite,
        },
      });
      await writeOutbox(tx, 'distribution.confirmed', { tenantId: ctx.tenantId, distributionId });
      const summary = { distributionId, total: counts.total, queued: counts.invite, skipped: counts.skipped };
      await audit(tx, {
        tenantId: ctx.tenantId,
        ...actorOf(ctx),
        action: 'survey.sent',
        entityType: 'survey',
        entityId: surveyId,
        data: { ...summary },
      });
      return summary;
    },
    { timeout: 60_000 },
  );
}

export interface SendProgress {
  id: string;
  status: 'CREATING' | 'SENDING' | 'PAUSED';
  /** All invitations exist (the audience is done). */
  prepared: boolean;
  createdAt: Date;
  by: string | null;
  plannedTotal: number;
  plannedInvite: number;
  /** Invitations waiting or being sent. */
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Per reason (SURVEY_INACTIVE included: the survey was paused while the send was queued). */
  reasons: Partial<Record<TSkipReason | 'SURVEY_INACTIVE', number>>;
  /** Sent, failed and skipped as a share of the planned contacts, 0..1. */
  done: number;
}

type Row = {
  id: string;
  createdAt: Date;
  status: SendProgress['status'];
  preparedAt: Date | null;
  plannedTotal: number;
  plannedInvite: number;
  by: string | null;
};
type Count = { distributionId: string; status: string; skipReason: string | null; n: number };

function progressOf(r: Row, counts: Count[]): SendProgress {
  const mine = counts.filter((c) => c.distributionId === r.id);
  const sum = (pred: (c: Count) => boolean) => mine.filter(pred).reduce((n, c) => n + c.n, 0);
  const reasons: SendProgress['reasons'] = {};
  for (const c of mine)
    if (c.skipReason)
      reasons[c.skipReason as TSkipReason] = (reasons[c.skipReason as TSkipReason] ?? 0) + c.n;
  const sent = sum((c) => c.status === 'SENT');
  const failed = sum((c) => c.status === 'FAILED');
  const skipped = sum((c) => c.status === 'SKIPPED');
  const total = Math.max(r.plannedTotal, sent + failed + skipped);
  return {
    id: r.id,
    status: r.status,
    prepared: r.preparedAt !== null,
    createdAt: r.createdAt,
    by: r.by,
    plannedTotal: r.plannedTotal,
    plannedInvite: r.plannedInvite,
    queued: sum((c) => c.status === 'PENDING' || c.status === 'SENDING'),
    sent,
    failed,
    skipped,
    reasons,
    done: total === 0 ? 1 : (sent + failed + skipped) / total,
  };
}

/**
 * The sends of a survey (newest 50, or the one asked for) with their progress: counts per status and
 * reason from the (tenantId, distributionId, status) index, cheap enough to poll.
 */
export async function listDistributions(
  ctx: TenantContext,
  surveyId: string,
  only?: { distributionId: string },
): Promise<SendProgress[]> {
  authorize(ctx, 'survey.read');
  if (!ZId.safeParse(surveyId).success) throw notFound();
  if (only && !ZId.safeParse(only.distributionId).success) throw notFound();
  const { rows, counts } = await withTenant(ctx.tenantId, async (tx) => {
    const rows = await tx.distribution.findMany({
      where: { tenantId: ctx.tenantId, surveyId, ...(only ? { id: only.distributionId } : {}) },
      orderBy: { id: 'desc' },
      include: { createdBy: { select: { user: { select: { name: true, email: true } } } } },
      take: 50,
    });
    const counts = await tx.$queryRaw<Count[]>`
      SELECT "distributionId"::text AS "distributionId", "status"::text AS "status",
             "skipReason"::text AS "skipReason", count(*)::int AS n
      FROM "Invitation"
      WHERE "tenantId" = ${ctx.tenantId}::uuid AND "distributionId" = ANY(${rows.map((r) => r.id)}::uuid[])
      GROUP BY 1, 2, 3`;
    return { rows, counts };
  });
  return rows.map((r) =>
    progressOf({ ...r, by: r.createdBy ? (r.createdBy.user.name ?? r.createdBy.user.email) : null }, counts),
  );
}

export const INVITATIONS_PAGE_SIZE = 100;

/** The invitations of one send with contact, status and reason, a page at a time (id order). */
export async function distributionInvitations(
  ctx: TenantContext,
  distributionId: string,
  page: { after?: string } = {},
) {
  authorize(ctx, 'survey.read');
  if (!ZId.safeParse(distributionId).success) throw notFound();
  const after = page.after && ZId.safeParse(page.after).success ? page.after : undefined;
  const rows = await withTenant(ctx.tenantId, (tx) =>
    tx.invitation.findMany({
      where: { tenantId: ctx.tenantId, distributionId, ...(after ? { id: { gt: after } } : {}) },
      select: {
        id: true,
        status: true,
        skipReason: true,
        failureReason: true,
        sentAt: true,
        respondedAt: true,
        contact: { select: { email: true, name: true, company: { select: { name: true } } } },
      },
      orderBy: { id: 'asc' },
      take: INVITATIONS_PAGE_SIZE + 1,
    }),
  );
  const more = rows.length > INVITATIONS_PAGE_SIZE;
  const list = rows.slice(0, INVITATIONS_PAGE_SIZE);
  return { rows: list, next: more ? list[list.length - 1]!.id : null };
}

async function sendOf(tx: Tx, ctx: TenantContext, surveyId: string, distributionId: string) {
  if (!ZId.safeParse(surveyId).success || !ZId.safeParse(distributionId).success) throw notFound();
  const d = await tx.distribution.findUnique({
    where: { tenantId_id: { tenantId: ctx.tenantId, id: distributionId } },
  });
  if (!d || d.surveyId !== surveyId) throw notFound();
  return d;
}

/**
 * Pauses a send: the sender claims none of its invitations any more (a mail already handed to SMTP
 * still leaves) and invitation creation stops after the current batch. Pausing a paused send is a
 * no-op.
 */
export async function pauseSend(
  ctx: TenantContext,
  surveyId: string,
  distributionId: string,
  now = new Date(),
) {
  authorize(ctx, 'distribution.send');
  await withTenant(ctx.tenantId, async (tx) => {
    await sendOf(tx, ctx, surveyId, distributionId);
    const n = await tx.distribution.updateMany({
      where: { tenantId: ctx.tenantId, id: distributionId, status: { not: 'PAUSED' } },
      data: { status: 'PAUSED', pausedAt: now },
    });
    if (n.count)
      await audit(tx, {
        tenantId: ctx.tenantId,
        actorUserId: ctx.userId,
        action: 'send.paused',
        entityType: 'distribution',
        entityId: distributionId,
      });
  });
}

/**
 * Resumes a paused send: creation goes on from its cursor, and the invitations still waiting are
 * announced to the sender again (the job create-invitations does both, in batches). An invitation
 * announced twice is claimed once.
 */
export async function resumeSend(ctx: TenantContext, surveyId: string, distributionId: string) {
  authorize(ctx, 'distribution.send');
  await withTenant(ctx.tenantId, async (tx) => {
    const d = await sendOf(tx, ctx, surveyId, distributionId);
    const n = await tx.distribution.updateMany({
      where: { tenantId: ctx.tenantId, id: distributionId, status: 'PAUSED' },
      data: { status: d.preparedAt ? 'SENDING' : 'CREATING', pausedAt: null },
    });
    if (!n.count) return;
    await writeOutbox(tx, 'distribution.resumed', { tenantId: ctx.tenantId, distributionId });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'send.resumed',
      entityType: 'distribution',
      entityId: distributionId,
    });
  });
}
