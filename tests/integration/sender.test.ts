import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';

import { loadInvitationMessage, MAX_SEND_ATTEMPTS, sendInvitation } from '../../lib/distribution/send';
import { hashToken } from '../../lib/distribution/tokens';
import { messageIdFor } from '../../lib/mail/transport';
import { loadSurvey } from '../../lib/responses/public';
import { setSurveyStatus } from '../../lib/surveys/service';
import { makeSurvey, makeTenant, previewAndSend, TOKEN_IN_MAIL, uid } from '../support/factories';
import { sink } from '../support/sink';

/** One pending invitation for a contact with the given email, through a real send. */
async function pending(email: string) {
  const t = await makeTenant();
  const { survey } = await makeSurvey(t);
  const contact = await adminDb.contact.create({ data: { tenantId: t.tenant.id, email, locale: 'en' } });
  await previewAndSend(t.admin.ctx, {
    surveyId: survey.id,
    audience: { type: 'contacts', contactIds: [contact.id] },
  });
  const inv = await adminDb.invitation.findFirstOrThrow({
    where: { tenantId: t.tenant.id, contactId: contact.id },
  });
  const where = { tenantId_id: { tenantId: t.tenant.id, id: inv.id } };
  return { t, survey, contact, inv, where, payload: { tenantId: t.tenant.id, invitationId: inv.id } };
}

describe('the invitation sender when SMTP refuses', () => {
  it('a permanent refusal (5xx) fails the invitation at once and marks the contact bounced', async () => {
    const { t, contact, where, payload, survey } = await pending(`bounce-${uid()}@customer.example`);
    expect(await sendInvitation(payload)).toBe('failed');
    const inv = await adminDb.invitation.findUniqueOrThrow({ where });
    expect(inv).toMatchObject({ status: 'FAILED', attempts: 1, tokenHash: null, leaseUntil: null });
    expect(inv.failureReason).toContain('No such user');
    const c = await adminDb.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
    });
    expect(c.bouncedAt).toBeInstanceOf(Date);
    // The next send skips the bounced address with its reason.
    const again = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [contact.id] },
    });
    expect(again.skipped.BOUNCED).toBe(1);
  });

  it('a temporary refusal (4xx) puts it back to PENDING and rethrows, until the last attempt fails it', async () => {
    const { where, payload } = await pending(`tempfail-${uid()}@customer.example`);
    await expect(sendInvitation(payload)).rejects.toMatchObject({ responseCode: 451 });
    const first = await adminDb.invitation.findUniqueOrThrow({ where });
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, leaseUntil: null });
    // The token stays: the retry sends the very same links.
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    await adminDb.invitation.update({ where, data: { attempts: MAX_SEND_ATTEMPTS - 1 } });
    expect(await sendInvitation(payload)).toBe('failed');
    expect(await adminDb.invitation.findUniqueOrThrow({ where })).toMatchObject({
      status: 'FAILED',
      attempts: MAX_SEND_ATTEMPTS,
      tokenHash: null,
    });
  });

  it('the retry after a temporary refusal carries the same links and Message-ID, and both open the survey', async () => {
    const { t, contact, where, payload, inv } = await pending(`tempfail-${uid()}@customer.example`);
    await expect(sendInvitation(payload)).rejects.toMatchObject({ responseCode: 451 });
    const { tokenHash } = await adminDb.invitation.findUniqueOrThrow({ where });
    // The relay takes mail again (here: the address is fixed), and the job's retry runs.
    const email = `ok-${uid()}@customer.example`;
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
      data: { email },
    });
    expect(await sendInvitation(payload)).toBe('sent');
    const mail = await sink().waitFor((m) => m.to.includes(email));
    expect(mail.headers['message-id']).toBe(messageIdFor('invitation', inv.id));
    const token = TOKEN_IN_MAIL.exec(mail.text)![1]!;
    expect(hashToken(token)).toBe(tokenHash);
    const sent = await adminDb.invitation.findUniqueOrThrow({ where });
    expect(sent).toMatchObject({
      status: 'SENT',
      attempts: 2,
      tokenHash,
      messageId: messageIdFor('invitation', inv.id),
    });
    expect((await loadSurvey(token))?.invitationId).toBe(inv.id);
    // A later reminder carries the same links under a Message-ID of its own.
    const reminder = (await loadInvitationMessage(t.tenant.id, inv.id, { reminder: true }))!;
    expect(reminder.messageId).toBe(messageIdFor('reminder', inv.id));
    expect(reminder.subject).toMatch(/^Reminder:/);
    expect(TOKEN_IN_MAIL.exec(reminder.text)![1]).toBe(token);
    expect(reminder.html).toContain(`/s/${token}?score=10`);
    expect(reminder.headers!['List-Unsubscribe']).toBe(`<http://localhost:3999/s/${token}/unsubscribe>`);
  });

  it('a survey paused after sending was started skips its queued invitations', async () => {
    const { t, survey, contact, where, payload } = await pending(`paused-${uid()}@customer.example`);
    await setSurveyStatus(t.admin.ctx, survey.id, { status: 'PAUSED' });
    expect(await sendInvitation(payload)).toBe('skipped');
    expect(await adminDb.invitation.findUniqueOrThrow({ where })).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'SURVEY_INACTIVE',
    });
    expect(sink().messages.filter((m) => m.to.includes(contact.email))).toHaveLength(0);
  });
});
