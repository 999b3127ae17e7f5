import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { distributionInvitations, listDistributions } from '../../lib/distribution/distribute';
import { sendInvitation, LeaseHeldError } from '../../lib/distribution/send';
import { parseSurveyToken } from '../../lib/distribution/tokens';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeSurvey,
  makeTenant,
  previewAndSend,
  TOKEN_IN_MAIL,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

const APP_URL = 'http://localhost:3999';

const mailsTo = (email: string) => sink().messages.filter((m) => m.to.includes(email.toLowerCase()));

async function invitationsOf(t: TestTenant, contactId: string) {
  return adminDb.invitation.findMany({ where: { tenantId: t.tenant.id, contactId }, orderBy: { id: 'asc' } });
}

describe('throttling and skip reasons', () => {
  it('skips a contact invited within the throttle period as THROTTLED, and shows why', async () => {
    const t = await makeTenant({ throttleDays: 30 });
    const contact = await makeContact(t);
    const { survey } = await makeSurvey(t);
    const audience = { type: 'contacts' as const, contactIds: [contact.id] };

    const first = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience });
    expect(first).toMatchObject({
      total: 1,
      queued: 1,
      skipped: { THROTTLED: 0, UNSUBSCRIBED: 0, BOUNCED: 0 },
    });
    // Still PENDING (not sent yet): it throttles already.
    const second = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience });
    expect(second).toMatchObject({
      total: 1,
      queued: 0,
      skipped: { THROTTLED: 1, UNSUBSCRIBED: 0, BOUNCED: 0 },
    });
    // After it was SENT it throttles too.
    await drainOutbox(t.tenant.id);
    expect((await invitationsOf(t, contact.id))[0]!.status).toBe('SENT');
    const third = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    expect(third).toMatchObject({ total: 1, queued: 0, skipped: { THROTTLED: 1 } });

    const invs = await invitationsOf(t, contact.id);
    expect(invs.map((i) => [i.status, i.skipReason])).toEqual([
      ['SENT', null],
      ['SKIPPED', 'THROTTLED'],
      ['SKIPPED', 'THROTTLED'],
    ]);
    expect(invs[1]!.tokenHash).toBeNull();
    expect(
      await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'invitation.send' } }),
    ).toBe(1);
    expect(mailsTo(contact.email)).toHaveLength(1);

    const dists = await listDistributions(t.admin.ctx, survey.id);
    expect(dists.map((d) => d.id)).toEqual([
      third.distributionId,
      second.distributionId,
      first.distributionId,
    ]);
    expect(dists[0]).toMatchObject({
      queued: 0,
      sent: 0,
      failed: 0,
      skipped: 1,
      reasons: { THROTTLED: 1 },
    });
    expect(dists[2]).toMatchObject({ queued: 0, sent: 1, skipped: 0, reasons: {} });
    expect(dists[0]!.by).toBeTruthy();
    const { rows } = await distributionInvitations(t.viewer.ctx, second.distributionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'THROTTLED',
      sentAt: null,
      contact: { email: contact.email },
    });
  });

  it('does not throttle on an invitation older than the throttle period, nor on failed or skipped ones', async () => {
    const t = await makeTenant({ throttleDays: 30 });
    const old = await makeContact(t);
    const failed = await makeContact(t);
    const { survey } = await makeSurvey(t);
    await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    const [oldInv] = await invitationsOf(t, old.id);
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: oldInv!.id } },
      data: { createdAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const [failedInv] = await invitationsOf(t, failed.id);
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: failedInv!.id } },
      data: { status: 'FAILED' },
    });

    const again = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    expect(again).toMatchObject({ total: 2, queued: 2, skipped: { THROTTLED: 0 } });

    // Just inside the period still throttles.
    const inside = await makeContact(t);
    await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [inside.id] },
    });
    const [insideInv] = await invitationsOf(t, inside.id);
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: insideInv!.id } },
      data: { createdAt: new Date(Date.now() - 29 * 86_400_000) },
    });
    const third = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [inside.id] },
    });
    expect(third).toMatchObject({ queued: 0, skipped: { THROTTLED: 1 } });

    // A SKIPPED invitation (the contact was unsubscribed then) does not throttle once they resubscribe.
    const back = await makeContact(t, { unsubscribed: true });
    const skipped = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [back.id] },
    });
    expect(skipped).toMatchObject({ queued: 0, skipped: { UNSUBSCRIBED: 1 } });
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: back.id } },
      data: { unsubscribedAt: null },
    });
    const resent = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [back.id] },
    });
    expect(resent).toMatchObject({ queued: 1, skipped: { THROTTLED: 0, UNSUBSCRIBED: 0 } });
  });

  it('throttleDays 0 disables throttling', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const contact = await makeContact(t);
    const { survey } = await makeSurvey(t);
    for (let i = 0; i < 3; i++) {
      const s = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
      expect(s).toMatchObject({ total: 1, queued: 1, skipped: { THROTTLED: 0 } });
    }
    expect((await invitationsOf(t, contact.id)).map((i) => i.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
    ]);
  });

  it('skips unsubscribed and bounced contacts with their reasons', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t);
    const ok = await makeContact(t, { companyId: company.id });
    const unsub = await makeContact(t, { companyId: company.id, unsubscribed: true });
    const bounced = await makeContact(t, { companyId: company.id });
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: bounced.id } },
      data: { bouncedAt: new Date() },
    });
    const { survey } = await makeSurvey(t);

    const s = await previewAndSend(t.owner.ctx, {
      surveyId: survey.id,
      audience: { type: 'companies', companyIds: [company.id] },
    });
    expect(s).toMatchObject({ total: 3, queued: 1, skipped: { THROTTLED: 0, UNSUBSCRIBED: 1, BOUNCED: 1 } });
    expect((await invitationsOf(t, unsub.id))[0]).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'UNSUBSCRIBED',
      tokenHash: null,
    });
    expect((await invitationsOf(t, bounced.id))[0]).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'BOUNCED',
      tokenHash: null,
    });
    expect((await invitationsOf(t, ok.id))[0]).toMatchObject({ status: 'PENDING', skipReason: null });
    const [d] = await listDistributions(t.admin.ctx, survey.id);
    expect(d).toMatchObject({ queued: 1, skipped: 2, reasons: { UNSUBSCRIBED: 1, BOUNCED: 1 } });

    await drainOutbox(t.tenant.id);
    expect(mailsTo(ok.email)).toHaveLength(1);
    expect(mailsTo(unsub.email)).toHaveLength(0);
    expect(mailsTo(bounced.email)).toHaveLength(0);
  });

  it('a contact who unsubscribes after the send but before the mail goes out is skipped by the sender', async () => {
    const t = await makeTenant();
    const contact = await makeContact(t);
    const { survey } = await makeSurvey(t);
    await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
      data: { unsubscribedAt: new Date() },
    });
    const [inv] = await invitationsOf(t, contact.id);
    expect(await sendInvitation({ tenantId: t.tenant.id, invitationId: inv!.id })).toBe('skipped');
    expect((await invitationsOf(t, contact.id))[0]).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'UNSUBSCRIBED',
      tokenHash: null,
    });
    expect(mailsTo(contact.email)).toHaveLength(0);
  });

  it('refuses to send a draft survey (409) and writes nothing', async () => {
    const t = await makeTenant();
    await makeContact(t);
    const { survey } = await makeSurvey(t, 'DRAFT');
    const err = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(await adminDb.invitation.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await adminDb.distribution.count({ where: { tenantId: t.tenant.id } })).toBe(0);
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });
});

describe('sending one invitation at most once', () => {
  async function pendingInvitation(locale: 'nl' | 'en' = 'en') {
    const t = await makeTenant();
    const contact = await makeContact(t, { locale });
    const { survey } = await makeSurvey(t);
    await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [contact.id] },
    });
    const [inv] = await invitationsOf(t, contact.id);
    return { t, contact, survey, inv: inv!, payload: { tenantId: t.tenant.id, invitationId: inv!.id } };
  }

  it('sends once when the job runs twice in a row', async () => {
    const { t, contact, inv, payload } = await pendingInvitation();
    expect(await sendInvitation(payload)).toBe('sent');
    expect(await sendInvitation(payload)).toBe('not-claimed');
    expect(mailsTo(contact.email)).toHaveLength(1);
    const after = await adminDb.invitation.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: inv.id } },
    });
    expect(after).toMatchObject({ status: 'SENT', attempts: 1, leaseUntil: null, failureReason: null });
    expect(after.messageId).toBeTruthy();
    expect(after.sentAt).toBeInstanceOf(Date);
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    // The stored hash belongs to the token in the mail.
    const token = TOKEN_IN_MAIL.exec(mailsTo(contact.email)[0]!.text)![1]!;
    expect(after.tokenHash).toBe(parseSurveyToken(token)!.hash);
  });

  it('sends once when the job runs five times at once', async () => {
    const { t, contact, inv, payload } = await pendingInvitation();
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => sendInvitation(payload)));
    const outcomes = settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    // The others found it sent already, or found a live lease and will retry (then find it sent).
    expect(outcomes.filter((o) => o === 'not-claimed' || o instanceof LeaseHeldError)).toHaveLength(4);
    expect(await sendInvitation(payload)).toBe('not-claimed');
    // Give a stray second delivery the time to arrive before counting.
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(contact.email)).toHaveLength(1);
    const after = await adminDb.invitation.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: inv.id } },
    });
    expect(after).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(after.messageId).toBeTruthy();
    const token = TOKEN_IN_MAIL.exec(mailsTo(contact.email)[0]!.text)![1]!;
    expect(after.tokenHash).toBe(parseSurveyToken(token)!.hash);
  });

  it('re-claims an invitation whose lease expired, but not one with a live lease', async () => {
    const { t, contact, inv, payload } = await pendingInvitation();
    const where = { tenantId_id: { tenantId: t.tenant.id, id: inv.id } };
    await adminDb.invitation.update({
      where,
      data: { status: 'SENDING', attempts: 1, leaseUntil: new Date(Date.now() + 60_000) },
    });
    // A live lease: the holder may still be sending, or may have crashed; the job retries later.
    await expect(sendInvitation(payload)).rejects.toBeInstanceOf(LeaseHeldError);
    expect(mailsTo(contact.email)).toHaveLength(0);

    await adminDb.invitation.update({ where, data: { leaseUntil: new Date(Date.now() - 1_000) } });
    expect(await sendInvitation(payload)).toBe('sent');
    expect(mailsTo(contact.email)).toHaveLength(1);
    expect(await adminDb.invitation.findUniqueOrThrow({ where })).toMatchObject({
      status: 'SENT',
      attempts: 2,
      leaseUntil: null,
    });
    expect(await sendInvitation(payload)).toBe('not-claimed');
  });

  it('does not send SENT, SKIPPED or FAILED invitations, nor unknown ones', async () => {
    const { t, contact, inv, payload } = await pendingInvitation();
    const where = { tenantId_id: { tenantId: t.tenant.id, id: inv.id } };
    for (const status of ['SENT', 'SKIPPED', 'FAILED'] as const) {
      await adminDb.invitation.update({ where, data: { status } });
      expect(await sendInvitation(payload)).toBe('not-claimed');
    }
    expect(
      await sendInvitation({ tenantId: t.tenant.id, invitationId: '00000000-0000-7000-8000-000000000000' }),
    ).toBe('not-claimed');
    // Another tenant's id with this invitation: nothing.
    const other = await makeTenant();
    expect(await sendInvitation({ tenantId: other.tenant.id, invitationId: inv.id })).toBe('not-claimed');
    expect(mailsTo(contact.email)).toHaveLength(0);
  });
});

describe('the invitation email', () => {
  async function sendTo(locale: 'nl' | 'en', name: string | null = 'Sanne de Vries') {
    const t = await makeTenant({ name: `Bakkerij ${Math.random().toString(36).slice(2, 8)}` });
    const contact = await makeContact(t, { locale });
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
      data: { name },
    });
    const { survey } = await makeSurvey(t);
    await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [contact.id] },
    });
    await drainOutbox(t.tenant.id);
    const mail = await sink().waitFor((m) => m.to.includes(contact.email));
    const token = TOKEN_IN_MAIL.exec(mail.text)![1]!;
    return { t, contact, mail, token };
  }

  it('is in the contact language (nl) with the sender name in the question', async () => {
    const { t, mail } = await sendTo('nl');
    const sender = t.tenant.senderName;
    expect(mail.subject).toBe(`Hoe waarschijnlijk is het dat u ${sender} aanbeveelt?`);
    expect(mail.text).toContain(
      `Hoe waarschijnlijk is het dat u ${sender} aanbeveelt bij een collega of relatie?`,
    );
    expect(mail.text).toContain('Beste Sanne de Vries,');
    expect(mail.text).toContain('Uitschrijven voor deze enquêtes');
    expect(mail.text).not.toContain('How likely');
    expect(mail.html).toContain('lang="nl"');
    expect(mail.headers['from']).toContain(sender);
  });

  it('is in English for an English contact', async () => {
    const { t, mail } = await sendTo('en', null);
    expect(mail.subject).toBe(`How likely are you to recommend ${t.tenant.senderName}?`);
    expect(mail.text).toContain(
      `How likely is it that you would recommend ${t.tenant.senderName} to a colleague or friend?`,
    );
    expect(mail.text).toContain('Hello,');
    expect(mail.text).not.toContain('Hoe waarschijnlijk');
  });

  it('has 11 score links, an unsubscribe link and one-click List-Unsubscribe headers', async () => {
    const { mail, token } = await sendTo('nl');
    const base = `${APP_URL}/s/${token}`;
    const scores = [...mail.text.matchAll(/\/s\/([a-z2-9]{8}\.[A-Za-z0-9_-]{27})\?score=(\d+)/g)];
    expect(scores.map((m) => m[1])).toEqual(Array(11).fill(token));
    expect(scores.map((m) => Number(m[2]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let s = 0; s <= 10; s++) expect(mail.html).toContain(`href="${base}?score=${s}"`);
    expect(mail.text).toContain(`${base}/unsubscribe`);
    expect(mail.html).toContain(`href="${base}/unsubscribe"`);
    expect(mail.headers['list-unsubscribe']).toBe(`<${base}/unsubscribe>`);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });
});
