import type { Logger } from 'pino';
import { asSystemQuery, Prisma, withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { env } from '../env';
import { notFound } from '../errors';
import { logger } from '../log';
import { sendMail } from '../mail/transport';
import { outboxRow, type TEventPayload } from '../queue/events';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, ZId } from '../validation';
import { ZReminderSettings, type TReminderSettings } from './reminder-rules';
import { loadInvitationMessage } from './send';

/**
 * Reminders: per survey off, or one reminder `reminderDays` after the invitation was sent, to contacts
 * who have not answered, unsubscribed or bounced and whose link is still live. The reminder carries
 * the same links as the first email (the token is derived from the invitation) under a Message-ID of
 * its own.
 *
 * Life of one reminder (columns on Invitation):
 *   reminderDueAt set (when the invitation is marked SENT, or when reminders are switched on)
 *   -> the scan claims it: reminderDueAt = NULL and QUEUED (+ an outbox event), or SKIPPED with a reason
 *   -> the mail job: QUEUED -> SENDING (lease) -> SENT, or SKIPPED when it is no longer wanted.
 * Clearing reminderDueAt in the claim is what makes it exactly once: the scan selects due rows with
 * FOR UPDATE SKIP LOCKED, so two scans at once take disjoint rows, and a committed claim leaves the
 * index the scan reads, so no later scan sees it again.
 */

const BATCH = 500;
/** At most this many reminders are claimed per tenant per tick; the next tick takes the rest. */
const MAX_PER_TENANT_PER_TICK = 20_000;

export type ReminderOutcome = 'sent' | 'skipped' | 'failed' | 'not-claimed';

/** Another run holds the reminder; the job retries after its lease. */
export class ReminderLeaseHeldError extends Error {
  constructor() {
    super('reminder is being sent by another run; retrying after its lease');
  }
}

/**
 * The CX manager switches a survey's reminder on or off, or changes its delay. Invitations already
 * sent and not yet reminded follow the new setting (planned from their send moment; off: unplanned).
 */
export async function setSurveyReminders(ctx: TenantContext, surveyId: string, input: TReminderSettings) {
  authorize(ctx, 'survey.manage');
  if (!ZId.safeParse(surveyId).success) throw notFound();
  const data = parseInput(ZReminderSettings, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const before = await tx.survey.findUnique({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: surveyId } },
    });
    if (!before) throw notFound();
    const survey = await tx.survey.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id: surveyId } },
      data,
    });
    const replanned = data.remindersEnabled
      ? await tx.$executeRaw`
          UPDATE "Invitation" SET "reminderDueAt" = "sentAt" + make_interval(days => ${data.reminderDays}::int)
          WHERE "tenantId" = ${ctx.tenantId}::uuid AND "surveyId" = ${surveyId}::uuid AND "status" = 'SENT'
            AND "sentAt" IS NOT NULL AND "respondedAt" IS NULL AND "reminderStatus" IS NULL`
      : await tx.$executeRaw`
          UPDATE "Invitation" SET "reminderDueAt" = NULL
          WHERE "tenantId" = ${ctx.tenantId}::uuid AND "surveyId" = ${surveyId}::uuid AND "reminderDueAt" IS NOT NULL`;
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'survey.reminders',
      entityType: 'survey',
      entityId: surveyId,
      data: {
        from: { remindersEnabled: before.remindersEnabled, reminderDays: before.reminderDays },
        to: data,
        replanned,
      },
    });
    return survey;
  });
}

/** Claims up to `limit` due reminders of one tenant: QUEUED with an outbox event, or SKIPPED with the reason. */
async function claimBatch(tenantId: string, now: Date, limit: number) {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: 'QUEUED' | 'SKIPPED' }[]>`
      WITH due AS (
        SELECT i."id",
          CASE
            WHEN i."respondedAt" IS NOT NULL THEN 'ANSWERED'
            WHEN c."unsubscribedAt" IS NOT NULL THEN 'UNSUBSCRIBED'
            WHEN c."bouncedAt" IS NOT NULL THEN 'BOUNCED'
            WHEN i."status" <> 'SENT' OR (i."expiresAt" IS NOT NULL AND i."expiresAt" <= ${now}) THEN 'EXPIRED'
            WHEN s."status" <> 'ACTIVE' OR NOT s."remindersEnabled" THEN 'SURVEY_INACTIVE'
          END AS "reason"
        FROM "Invitation" i
        JOIN "Contact" c ON c."tenantId" = i."tenantId" AND c."id" = i."contactId"
        JOIN "Survey" s ON s."tenantId" = i."tenantId" AND s."id" = i."surveyId"
        WHERE i."tenantId" = ${tenantId}::uuid AND i."reminderDueAt" <= ${now} AND i."reminderStatus" IS NULL
        ORDER BY i."reminderDueAt"
        LIMIT ${limit}
        FOR UPDATE OF i SKIP LOCKED
      )
      UPDATE "Invitation" i
      SET "reminderDueAt" = NULL,
          "reminderStatus" = (CASE WHEN due."reason" IS NULL THEN 'QUEUED' ELSE 'SKIPPED' END)::"ReminderStatus",
          "reminderSkipReason" = due."reason"::"ReminderSkipReason"
      FROM due
      WHERE i."tenantId" = ${tenantId}::uuid AND i."id" = due."id"
      RETURNING i."id", i."reminderStatus"::text AS "status"`;
    const queued = rows.filter((r) => r.status === 'QUEUED');
    if (queued.length)
      await tx.outboxEvent.createMany({
        data: queued.map((r) => {
          const e = outboxRow('invitation.remind', { tenantId, invitationId: r.id });
          return { ...e, payload: e.payload as object };
        }),
      });
    return { claimed: rows.length, queued: queued.length };
  });
}

/**
 * The scheduled scan (job `scan-reminders`): the tenants with a reminder due as of `now` (a system
 * path: one probe of the (tenantId, reminderDueAt) index per tenant), then per tenant claims in
 * batches of BATCH through withTenant. Safe to run twice at once.
 */
export async function scanReminders(now: Date, log: Logger = logger) {
  const tenants = await asSystemQuery<{ id: string }[]>(
    'reminder scan',
    Prisma.sql`
      SELECT t."id" FROM "Tenant" t
      WHERE EXISTS (SELECT 1 FROM "Invitation" i WHERE i."tenantId" = t."id" AND i."reminderDueAt" <= ${now})`,
  );
  let queued = 0;
  let skipped = 0;
  for (const { id: tenantId } of tenants) {
    for (let done = 0; done < MAX_PER_TENANT_PER_TICK;) {
      const r = await claimBatch(tenantId, now, BATCH);
      queued += r.queued;
      skipped += r.claimed - r.queued;
      done += r.claimed;
      if (r.claimed < BATCH) break;
    }
  }
  if (queued || skipped) log.info({ tenants: tenants.length, queued, skipped }, 'reminders claimed');
  return { tenants: tenants.length, queued, skipped };
}

type Claim =
  | { kind: 'held' }
  | { kind: 'gone' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'claimed'; contactId: string };

/**
 * Job handler (`send-reminder`): sends one claimed reminder. QUEUED (or SENDING with an expired lease,
 * its sender crashed) -> SENDING with a lease; checked again (an answer, an unsubscribe or a bounce
 * since the scan makes it SKIPPED); sent; marked SENT right after the SMTP server accepted it. A retry
 * sends the same mail under the same Message-ID; a run that finds a live lease retries later.
 */
export async function sendReminder(
  p: TEventPayload<'invitation.remind'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<ReminderOutcome> {
  const { tenantId, invitationId } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const claim = await withTenant(tenantId, async (tx): Promise<Claim> => {
    const claimed = await tx.$executeRaw`
      UPDATE "Invitation" SET "reminderStatus" = 'SENDING', "reminderLeaseUntil" = ${leaseUntil}
      WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${invitationId}::uuid
        AND ("reminderStatus" = 'QUEUED' OR ("reminderStatus" = 'SENDING' AND "reminderLeaseUntil" < ${now}))`;
    const inv = await tx.invitation.findUnique({
      where: { tenantId_id: { tenantId, id: invitationId } },
      select: {
        contactId: true,
        status: true,
        expiresAt: true,
        respondedAt: true,
        reminderStatus: true,
        contact: { select: { unsubscribedAt: true, bouncedAt: true } },
        survey: { select: { status: true, remindersEnabled: true } },
      },
    });
    if (claimed === 0 || !inv) return inv?.reminderStatus === 'SENDING' ? { kind: 'held' } : { kind: 'gone' };
    const reason = inv.respondedAt
      ? 'ANSWERED'
      : inv.contact.unsubscribedAt
        ? 'UNSUBSCRIBED'
        : inv.contact.bouncedAt
          ? 'BOUNCED'
          : inv.status !== 'SENT' || (inv.expiresAt && inv.expiresAt <= now)
            ? 'EXPIRED'
            : inv.survey.status !== 'ACTIVE' || !inv.survey.remindersEnabled
              ? 'SURVEY_INACTIVE'
              : null;
    if (reason) {
      await markSkipped(tx, tenantId, invitationId, reason);
      return { kind: 'skipped', reason };
    }
    return { kind: 'claimed', contactId: inv.contactId };
  });
  if (claim.kind === 'held') throw new ReminderLeaseHeldError();
  if (claim.kind === 'gone') return 'not-claimed';
  if (claim.kind === 'skipped') {
    log.info({ invitationId, reason: claim.reason }, 'reminder skipped');
    return 'skipped';
  }
  const { contactId } = claim;

  // The first email's links: null when their token key was retired (a new link would be a new token).
  const mail = await loadInvitationMessage(tenantId, invitationId, { reminder: true });
  if (!mail) {
    await withTenant(tenantId, (tx) => markSkipped(tx, tenantId, invitationId, 'TOKEN_KEY_RETIRED'));
    log.warn({ invitationId }, 'reminder skipped: the token key of the first email was retired');
    return 'skipped';
  }
  try {
    await sendMail(mail, 'bulk');
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    const permanent = (e.responseCode ?? 0) >= 500;
    await withTenant(tenantId, async (tx) => {
      await tx.invitation.updateMany({
        where: { tenantId, id: invitationId, reminderStatus: 'SENDING' },
        data: { reminderStatus: permanent ? 'FAILED' : 'QUEUED', reminderLeaseUntil: null },
      });
      if (permanent)
        await tx.contact.updateMany({
          where: { tenantId, id: contactId, bouncedAt: null },
          data: { bouncedAt: new Date() },
        });
    });
    log.warn({ invitationId, permanent, err: e.message.slice(0, 500) }, 'reminder not sent');
    if (permanent) return 'failed';
    throw err;
  }
  // Out: mark at once (a crash before this line makes the retry send the same mail again).
  await withTenant(tenantId, (tx) =>
    tx.invitation.updateMany({
      where: { tenantId, id: invitationId, reminderStatus: 'SENDING' },
      data: { reminderStatus: 'SENT', reminderSentAt: new Date(), reminderLeaseUntil: null },
    }),
  );
  log.debug({ invitationId }, 'reminder sent');
  return 'sent';
}

function markSkipped(tx: Tx, tenantId: string, invitationId: string, reason: string) {
  return tx.$executeRaw`
    UPDATE "Invitation"
    SET "reminderStatus" = 'SKIPPED', "reminderSkipReason" = ${reason}::"ReminderSkipReason", "reminderLeaseUntil" = NULL
    WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${invitationId}::uuid AND "reminderStatus" = 'SENDING'`;
}

export interface ReminderCounts {
  /** Reminders planned or on their way. */
  planned: number;
  sent: number;
  /** Answers that came after the reminder (the answers it brought). */
  answeredAfter: number;
}

/**
 * What the reminders of a survey did, per send (distribution id) and in total: sent, answers that
 * came in after the reminder, and those still planned.
 */
export async function reminderStats(ctx: TenantContext, surveyId: string) {
  authorize(ctx, 'survey.read');
  if (!ZId.safeParse(surveyId).success) throw notFound();
  const rows = await withTenant(
    ctx.tenantId,
    (tx) =>
      tx.$queryRaw<{ distributionId: string | null; planned: number; sent: number; answeredAfter: number }[]>`
      SELECT "distributionId",
        count(*) FILTER (WHERE "reminderDueAt" IS NOT NULL OR "reminderStatus" IN ('QUEUED', 'SENDING'))::int AS "planned",
        count(*) FILTER (WHERE "reminderStatus" = 'SENT')::int AS "sent",
        count(*) FILTER (WHERE "reminderStatus" = 'SENT' AND "respondedAt" > "reminderSentAt")::int AS "answeredAfter"
      FROM "Invitation"
      WHERE "tenantId" = ${ctx.tenantId}::uuid AND "surveyId" = ${surveyId}::uuid AND "status" = 'SENT'
      GROUP BY "distributionId"`,
  );
  const total: ReminderCounts = { planned: 0, sent: 0, answeredAfter: 0 };
  const bySend = new Map<string, ReminderCounts>();
  for (const r of rows) {
    total.planned += r.planned;
    total.sent += r.sent;
    total.answeredAfter += r.answeredAfter;
    if (r.distributionId)
      bySend.set(r.distributionId, { planned: r.planned, sent: r.sent, answeredAfter: r.answeredAfter });
  }
  return { total, bySend };
}
