import { db } from '../db';
import { env } from '../env';
import { sendMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';
import { ZSurveyTexts } from '../surveys/schemas';
import { invitationMail } from './invitation-mail';
import { newSurveyToken } from './tokens';

/** Shorter than the job's retry window (2 s doubling over 8 attempts, about 4 minutes). */
const LEASE_SECONDS = 120;
export const MAX_SEND_ATTEMPTS = 8;
const TOKEN_DAYS = 60;

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'not-claimed';

/** Another run holds the invitation; the job retries after its lease. */
export class LeaseHeldError extends Error {
  constructor() {
    super('invitation is being sent by another run; retrying after its lease');
  }
}

/**
 * Job handler: sends one invitation at most once. The invitation is claimed by a conditional update
 * (PENDING, or SENDING with an expired lease -> SENDING with a new lease); a run that finds it SENT,
 * FAILED or SKIPPED does nothing, and a run that finds a live lease retries later (the holder may
 * have crashed). The token is made here and only its hash is stored.
 */
export async function sendInvitation(p: TEventPayload<'invitation.send'>): Promise<SendOutcome> {
  const { tenantId, invitationId } = p;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return 'not-claimed';
  const { token, hash } = newSurveyToken(tenant.routingKey);

  const claimed = await db.$executeRaw`
    UPDATE "Invitation"
    SET "status" = 'SENDING', "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}),
        "attempts" = "attempts" + 1, "tokenHash" = ${hash},
        "expiresAt" = now() + make_interval(days => ${TOKEN_DAYS})
    WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${invitationId}::uuid
      AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "leaseUntil" < now()))`;
  if (claimed === 0) {
    const current = await db.invitation.findUnique({
      where: { tenantId_id: { tenantId, id: invitationId } },
      select: { status: true },
    });
    if (current?.status === 'SENDING') throw new LeaseHeldError();
    return 'not-claimed';
  }

  const inv = await db.invitation.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: invitationId } },
    include: { contact: true, survey: true },
  });
  const skipReason = inv.contact.unsubscribedAt
    ? 'UNSUBSCRIBED'
    : inv.contact.bouncedAt
      ? 'BOUNCED'
      : inv.survey.status !== 'ACTIVE'
        ? 'SURVEY_INACTIVE'
        : null;
  if (skipReason) {
    await db.invitation.updateMany({
      where: { tenantId, id: invitationId, status: 'SENDING' },
      data: { status: 'SKIPPED', skipReason, leaseUntil: null, tokenHash: null },
    });
    return 'skipped';
  }

  const base = `${env().APP_URL}/s/${token}`;
  const mail = invitationMail({
    locale: inv.locale,
    texts: ZSurveyTexts.parse(inv.survey.texts),
    company: tenant.senderName,
    contactName: inv.contact.name,
    surveyUrl: base,
    unsubscribeUrl: `${base}/unsubscribe`,
  });
  let messageId: string;
  try {
    messageId = await sendMail({
      to: inv.contact.email,
      ...mail,
      fromName: tenant.senderName,
      headers: {
        'List-Unsubscribe': `<${base}/unsubscribe>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    // 5xx from SMTP is permanent (a bad address): FAILED now, and the contact is marked bounced so
    // later sends skip it. Anything else is retried by the job until MAX_SEND_ATTEMPTS.
    const permanent = (e.responseCode ?? 0) >= 500;
    const last = permanent || inv.attempts >= MAX_SEND_ATTEMPTS;
    await db.invitation.updateMany({
      where: { tenantId, id: invitationId, status: 'SENDING' },
      data: last
        ? {
            status: 'FAILED',
            failedAt: new Date(),
            failureReason: e.message.slice(0, 500),
            leaseUntil: null,
            tokenHash: null,
          }
        : { status: 'PENDING', failureReason: e.message.slice(0, 500), leaseUntil: null, tokenHash: null },
    });
    if (permanent) {
      await db.contact.updateMany({
        where: { tenantId, id: inv.contactId, bouncedAt: null },
        data: { bouncedAt: new Date() },
      });
    }
    if (last) return 'failed';
    throw err;
  }
  // The mail is out: from here on a failure must not put the invitation back to PENDING (a retry
  // would send a second mail with a new token and break the links of the first).
  await db.invitation.updateMany({
    where: { tenantId, id: invitationId, status: 'SENDING' },
    data: { status: 'SENT', sentAt: new Date(), messageId, leaseUntil: null, failureReason: null },
  });
  return 'sent';
}
