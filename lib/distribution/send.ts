import { db } from '../db';
import { env } from '../env';
import { sendMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';
import { ZSurveyTexts } from '../surveys/schemas';
import { invitationMail } from './invitation-mail';
import { newSurveyToken } from './tokens';

const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 8;
const TOKEN_DAYS = 60;

export type SendOutcome = 'sent' | 'skipped' | 'not-claimed';

/**
 * Job handler: sends one invitation at most once. The invitation is claimed by a conditional update
 * (PENDING, or SENDING with an expired lease -> SENDING with a new lease); a second run of the job
 * finds nothing to claim. The token is made here and only its hash is stored.
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
  if (claimed === 0) return 'not-claimed';

  const inv = await db.invitation.findUniqueOrThrow({
    where: { tenantId_id: { tenantId, id: invitationId } },
    include: { contact: true, survey: true },
  });
  if (inv.contact.unsubscribedAt || inv.contact.bouncedAt) {
    await db.invitation.update({
      where: { tenantId_id: { tenantId, id: invitationId } },
      data: {
        status: 'SKIPPED',
        skipReason: inv.contact.unsubscribedAt ? 'UNSUBSCRIBED' : 'BOUNCED',
        leaseUntil: null,
        tokenHash: null,
      },
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
  try {
    const messageId = await sendMail({
      to: inv.contact.email,
      ...mail,
      fromName: tenant.senderName,
      headers: {
        'List-Unsubscribe': `<${base}/unsubscribe>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    await db.invitation.updateMany({
      where: { tenantId, id: invitationId, status: 'SENDING' },
      data: { status: 'SENT', sentAt: new Date(), messageId, leaseUntil: null, failureReason: null },
    });
    return 'sent';
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    // 5xx from SMTP is permanent (bad address); anything else is retried by the job until MAX_ATTEMPTS.
    const permanent = (e.responseCode ?? 0) >= 500 || inv.attempts >= MAX_ATTEMPTS;
    await db.invitation.updateMany({
      where: { tenantId, id: invitationId, status: 'SENDING' },
      data: permanent
        ? {
            status: 'FAILED',
            failedAt: new Date(),
            failureReason: e.message.slice(0, 500),
            leaseUntil: null,
            tokenHash: null,
          }
        : { status: 'PENDING', failureReason: e.message.slice(0, 500), leaseUntil: null, tokenHash: null },
    });
    if (permanent) return 'not-claimed';
    throw err;
  }
}
