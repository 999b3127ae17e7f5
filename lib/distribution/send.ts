import type { Logger } from 'pino';
import { withTenant, type Tx } from '../db';
import { env } from '../env';
import { logger } from '../log';
import { invitationMail } from '../mail/templates';
import { messageIdFor, sendMail, type OutgoingMail } from '../mail/transport';
import type { TEventPayload } from '../queue/events';
import { ZSurveyTexts } from '../surveys/schemas';
import { replyToFor } from './reply-to';
import { invitationToken } from './tokens';

export const MAX_SEND_ATTEMPTS = 8;
const TOKEN_DAYS = 60;

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'not-claimed';

/** Another run holds the invitation; the job retries after its lease. */
export class LeaseHeldError extends Error {
  constructor() {
    super('invitation is being sent by another run; retrying after its lease');
  }
}

/** What an invitation email needs, loaded with the invitation. */
const MAIL_INCLUDE = {
  contact: { select: { email: true, name: true, unsubscribedAt: true, bouncedAt: true } },
  survey: { select: { texts: true, status: true } },
  tenant: { select: { routingKey: true, senderName: true, replyToMode: true, replyToAddress: true } },
  company: { select: { owner: { select: { user: { select: { name: true, email: true } } } } } },
} as const;

type InvitationForMail = NonNullable<Awaited<ReturnType<typeof loadForMail>>>;

async function loadForMail(tx: Tx, tenantId: string, invitationId: string) {
  const inv = await tx.invitation.findUnique({
    where: { tenantId_id: { tenantId, id: invitationId } },
    include: MAIL_INCLUDE,
  });
  return inv ? { ...inv, replyTo: await replyToFor(tx, inv) } : null;
}

/**
 * The email of an invitation whose token hash is stored, or of its reminder (`reminder: true`). Both
 * carry the same survey and unsubscribe links (the token is derived from the invitation, see
 * tokens.ts), so a reminder never breaks the first email's links. Each has a Message-ID of its own
 * that stays the same when that mail is retried. Null when the token cannot be made again (its key
 * was retired from SURVEY_TOKEN_KEYS).
 */
export async function invitationMessage(
  inv: InvitationForMail,
  opts: { reminder?: boolean } = {},
): Promise<OutgoingMail | null> {
  const t = invitationToken({
    routingKey: inv.tenant.routingKey,
    tenantId: inv.tenantId,
    invitationId: inv.id,
    tokenHash: inv.tokenHash,
  });
  if (!t || !inv.tokenHash) return null;
  const base = `${env().APP_URL}/s/${t.token}`;
  const mail = await invitationMail({
    locale: inv.locale,
    texts: ZSurveyTexts.parse(inv.survey.texts),
    company: inv.tenant.senderName,
    contactName: inv.contact.name,
    surveyUrl: base,
    unsubscribeUrl: `${base}/unsubscribe`,
    reminder: opts.reminder,
  });
  return {
    to: inv.contact.email,
    ...mail,
    fromName: inv.tenant.senderName,
    replyTo: inv.replyTo ?? undefined,
    messageId: messageIdFor(opts.reminder ? 'reminder' : 'invitation', inv.id),
    headers: {
      'List-Unsubscribe': `<${base}/unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** Loads an invitation and builds its email (see invitationMessage); null when it has no token yet. */
export async function loadInvitationMessage(
  tenantId: string,
  invitationId: string,
  opts: { reminder?: boolean } = {},
): Promise<OutgoingMail | null> {
  const inv = await withTenant(tenantId, (tx) => loadForMail(tx, tenantId, invitationId));
  return inv ? invitationMessage(inv, opts) : null;
}

type Claim =
  | { kind: 'held' | 'gone' | 'skipped' }
  | { kind: 'failed'; reason: string }
  | { kind: 'claimed'; inv: InvitationForMail };

/**
 * Job handler: sends one invitation. Claimed by a conditional update (PENDING, or SENDING with an
 * expired lease -> SENDING with a new lease); a run that finds it SENT, FAILED or SKIPPED does
 * nothing, and a run that finds a live lease retries later (the holder may have crashed). The token
 * hash is stored at the first claim and never replaced: every attempt sends the same links under the
 * same Message-ID, so a mail that did leave before a crash and its retry are the same email.
 */
export async function sendInvitation(
  p: TEventPayload<'invitation.send'>,
  { log = logger, now = new Date() }: { log?: Logger; now?: Date } = {},
): Promise<SendOutcome> {
  const { tenantId, invitationId } = p;
  const leaseUntil = new Date(now.getTime() + env().MAIL_LEASE_SECONDS * 1000);
  const expiresAt = new Date(now.getTime() + TOKEN_DAYS * 86_400_000);

  const claim = await withTenant(tenantId, async (tx): Promise<Claim> => {
    const claimed = await tx.$executeRaw`
      UPDATE "Invitation"
      SET "status" = 'SENDING', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1,
          "expiresAt" = COALESCE("expiresAt", ${expiresAt})
      WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${invitationId}::uuid
        AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "leaseUntil" < ${now}))`;
    const inv = await loadForMail(tx, tenantId, invitationId);
    if (claimed === 0 || !inv) return { kind: inv?.status === 'SENDING' ? 'held' : 'gone' };

    const skipReason = inv.contact.unsubscribedAt
      ? 'UNSUBSCRIBED'
      : inv.contact.bouncedAt
        ? 'BOUNCED'
        : inv.survey.status !== 'ACTIVE'
          ? 'SURVEY_INACTIVE'
          : null;
    if (skipReason) {
      await tx.invitation.updateMany({
        where: { tenantId, id: invitationId, status: 'SENDING' },
        data: { status: 'SKIPPED', skipReason, leaseUntil: null, tokenHash: null },
      });
      return { kind: 'skipped' };
    }
    if (!inv.tokenHash) {
      const t = invitationToken({ ...inv.tenant, tenantId, invitationId, tokenHash: null })!;
      await tx.invitation.updateMany({ where: { tenantId, id: invitationId }, data: { tokenHash: t.hash } });
      inv.tokenHash = t.hash;
    } else if (!invitationToken({ ...inv.tenant, tenantId, invitationId, tokenHash: inv.tokenHash })) {
      const reason = 'its token key is no longer in SURVEY_TOKEN_KEYS';
      await tx.invitation.updateMany({
        where: { tenantId, id: invitationId, status: 'SENDING' },
        data: { status: 'FAILED', failedAt: now, failureReason: reason, leaseUntil: null, tokenHash: null },
      });
      return { kind: 'failed', reason };
    }
    return { kind: 'claimed', inv };
  });

  switch (claim.kind) {
    case 'held':
      throw new LeaseHeldError();
    case 'gone':
      return 'not-claimed';
    case 'skipped':
      return 'skipped';
    case 'failed':
      log.error({ invitationId, reason: claim.reason }, 'invitation failed');
      return 'failed';
  }
  const { inv } = claim;
  // Everything is prepared before the SMTP transaction, so that only the mark follows the server's
  // acceptance: the window in which a crash makes a retry send the same mail again stays one UPDATE.
  const mail = (await invitationMessage(inv))!;

  let messageId: string;
  try {
    messageId = await sendMail(mail, 'bulk');
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    // 5xx from SMTP is permanent (a bad address): FAILED now, and the contact is marked bounced so
    // later sends skip it. Anything else is retried by the job until MAX_SEND_ATTEMPTS; the stored
    // token stays, so the retry sends the same links.
    const permanent = (e.responseCode ?? 0) >= 500;
    const last = permanent || inv.attempts >= MAX_SEND_ATTEMPTS;
    const failureReason = e.message.slice(0, 500);
    await withTenant(tenantId, async (tx) => {
      await tx.invitation.updateMany({
        where: { tenantId, id: invitationId, status: 'SENDING' },
        data: last
          ? { status: 'FAILED', failedAt: new Date(), failureReason, leaseUntil: null, tokenHash: null }
          : { status: 'PENDING', failureReason, leaseUntil: null },
      });
      if (permanent) {
        await tx.contact.updateMany({
          where: { tenantId, id: inv.contactId, bouncedAt: null },
          data: { bouncedAt: new Date() },
        });
      }
    });
    log.warn(
      { invitationId, attempt: inv.attempts, permanent, last, err: failureReason },
      'invitation not sent',
    );
    if (last) return 'failed';
    throw err;
  }
  // The mail is out: record it at once. From here on a failure must not put the invitation back to
  // PENDING; if the mark itself cannot be written, the lease expires and a retry sends the same mail.
  await withTenant(tenantId, (tx) =>
    tx.invitation.updateMany({
      where: { tenantId, id: invitationId, status: 'SENDING' },
      data: { status: 'SENT', sentAt: new Date(), messageId, leaseUntil: null, failureReason: null },
    }),
  );
  log.debug({ invitationId }, 'invitation sent');
  return 'sent';
}
