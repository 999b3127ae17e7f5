// Reminders on real Postgres and the SMTP sink: one reminder per invitation after N days, only to
// contacts who have not answered, unsubscribed or bounced and whose link still lives, in their
// language, with the first email's links; exactly once when two scans run at once. Time moves by
// passing `at` to the scan (never by sleeping).
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { adminDb } from '../support/db';
import {
  reminderStats,
  scanReminders,
  sendReminder,
  setSurveyReminders,
} from '../../lib/distribution/reminders';
import { AppError } from '../../lib/errors';
import { messageIdFor } from '../../lib/mail/transport';
import { runJob } from '../../lib/queue/jobs';
import { submitAnswer, unsubscribe } from '../../lib/responses/public';
import { registry } from '../../workers/registry';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeSurvey,
  makeTenant,
  TOKEN_IN_MAIL,
  uid,
  type TestTenant,
  previewAndSend,
} from '../support/factories';
import { sink } from '../support/sink';

const DAY = 86_400_000;
const silent = pino({ level: 'silent' });
const mailsTo = (email: string) => sink().messages.filter((m) => m.to.includes(email.toLowerCase()));
const reminderOf = (invitationId: string) =>
  sink().messages.filter((m) => m.headers['message-id'] === messageIdFor('reminder', invitationId));
const tokenIn = (text: string) => TOKEN_IN_MAIL.exec(text)![1]!;
const linksIn = (text: string) =>
  [...text.matchAll(/http:\/\/localhost:3999\/s\/[^\s"<>]+/g)].map((m) => m[0]).sort();

/** A survey with reminders after `days`, sent to `n` contacts (alternating nl/en) and delivered. */
async function sentWave(t: TestTenant, n: number, opts: { days?: number; reminders?: boolean } = {}) {
  const company = await makeCompany(t);
  const { survey } = await makeSurvey(t);
  if (opts.reminders !== false)
    await setSurveyReminders(t.admin.ctx, survey.id, {
      remindersEnabled: true,
      reminderDays: opts.days ?? 4,
    });
  const contacts = [];
  for (let i = 0; i < n; i++)
    contacts.push(await makeContact(t, { companyId: company.id, locale: i % 2 ? 'nl' : 'en' }));
  await previewAndSend(t.admin.ctx, {
    surveyId: survey.id,
    audience: { type: 'companies', companyIds: [company.id] },
  });
  await drainOutbox(t.tenant.id);
  const invitations = await adminDb.invitation.findMany({
    where: { tenantId: t.tenant.id, surveyId: survey.id },
    include: { contact: true },
    orderBy: { id: 'asc' },
  });
  expect(invitations.every((i) => i.status === 'SENT')).toBe(true);
  return { survey, company, contacts, invitations };
}

describe('reminders', () => {
  it('sends one reminder after N days, in the contact’s language, with the first email’s links', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { invitations } = await sentWave(t, 2, { days: 4 });
    const sentAt = invitations[0]!.sentAt!;
    for (const inv of invitations) expect(inv.reminderDueAt?.getTime()).toBe(inv.sentAt!.getTime() + 4 * DAY);

    // Not due yet after three days.
    expect(await scanReminders(new Date(sentAt.getTime() + 3 * DAY), silent)).toMatchObject({ queued: 0 });
    // Due after four: through the job with an `at`, as the scheduler (or an operator) would run it.
    const at = new Date(sentAt.getTime() + 4 * DAY + 60_000).toISOString();
    const r = (await runJob(registry, 'scan-reminders', { at }, silent)) as { queued: number };
    expect(r.queued).toBe(2);
    await drainOutbox(t.tenant.id);

    for (const inv of invitations) {
      const [first] = mailsTo(inv.contact.email).filter(
        (m) => m.headers['message-id'] === messageIdFor('invitation', inv.id),
      );
      const reminders = reminderOf(inv.id);
      expect(reminders).toHaveLength(1);
      const reminder = reminders[0]!;
      expect(reminder.subject).toMatch(inv.locale === 'nl' ? /^Herinnering:/ : /^Reminder:/);
      expect(reminder.text).toContain(inv.locale === 'nl' ? 'Een herinnering' : 'A reminder');
      // The very same links (survey, eleven scores, unsubscribe) as the first email.
      expect(linksIn(reminder.text)).toEqual(linksIn(first!.text));
      expect(reminder.headers['list-unsubscribe']).toBe(first!.headers['list-unsubscribe']);
    }
    const after = await adminDb.invitation.findMany({ where: { tenantId: t.tenant.id } });
    expect(after.map((i) => [i.reminderStatus, i.reminderDueAt])).toEqual([
      ['SENT', null],
      ['SENT', null],
    ]);
    // A later scan finds nothing: one reminder per invitation, ever.
    expect(await scanReminders(new Date(sentAt.getTime() + 40 * DAY), silent)).toMatchObject({ queued: 0 });
  });

  it('both links answer the one invitation, and the send counts the answer the reminder brought', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { survey, invitations } = await sentWave(t, 2);
    const inv = invitations[0]!;
    await scanReminders(new Date(inv.sentAt!.getTime() + 5 * DAY), silent);
    await drainOutbox(t.tenant.id);
    const firstToken = tokenIn(mailsTo(inv.contact.email)[0]!.text);
    const reminderToken = tokenIn(reminderOf(inv.id)[0]!.text);
    expect(reminderToken).toBe(firstToken);

    await submitAnswer(reminderToken, { score: 4, comment: 'Slow' });
    await submitAnswer(firstToken, { score: 9 });
    const responses = await adminDb.response.findMany({ where: { tenantId: t.tenant.id } });
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ invitationId: inv.id, score: 9 });

    const stats = await reminderStats(t.admin.ctx, survey.id);
    expect(stats.total).toEqual({ planned: 0, sent: 2, answeredAfter: 1 });
    expect(stats.bySend.get(inv.distributionId!)).toEqual({ planned: 0, sent: 2, answeredAfter: 1 });
  });

  it('sends no reminder after an answer, an unsubscribe, a bounce or the link’s expiry', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { invitations } = await sentWave(t, 5);
    const [answered, unsubscribed, bounced, expired, live] = invitations as [
      (typeof invitations)[number],
      (typeof invitations)[number],
      (typeof invitations)[number],
      (typeof invitations)[number],
      (typeof invitations)[number],
    ];
    const token = (i: typeof answered) => tokenIn(mailsTo(i.contact.email)[0]!.text);
    await submitAnswer(token(answered), { score: 8 });
    await unsubscribe(token(unsubscribed));
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: bounced.contactId } },
      data: { bouncedAt: new Date() },
    });
    const at = new Date(live.sentAt!.getTime() + 5 * DAY);
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: expired.id } },
      data: { expiresAt: new Date(at.getTime() - 1) },
    });

    expect(await scanReminders(at, silent)).toMatchObject({ queued: 1, skipped: 4 });
    await drainOutbox(t.tenant.id);
    const rows = await adminDb.invitation.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((r) => [r.reminderStatus, r.reminderSkipReason])).toEqual([
      ['SKIPPED', 'ANSWERED'],
      ['SKIPPED', 'UNSUBSCRIBED'],
      ['SKIPPED', 'BOUNCED'],
      ['SKIPPED', 'EXPIRED'],
      ['SENT', null],
    ]);
    for (const i of [answered, unsubscribed, bounced, expired]) expect(reminderOf(i.id)).toHaveLength(0);
    expect(reminderOf(live.id)).toHaveLength(1);
  });

  it('re-checks at send time: an answer between the scan and the mail means no reminder', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { invitations } = await sentWave(t, 1);
    const inv = invitations[0]!;
    await scanReminders(new Date(inv.sentAt!.getTime() + 5 * DAY), silent);
    await submitAnswer(tokenIn(mailsTo(inv.contact.email)[0]!.text), { score: 10 });
    await drainOutbox(t.tenant.id);
    const row = await adminDb.invitation.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: inv.id } },
    });
    expect([row.reminderStatus, row.reminderSkipReason]).toEqual(['SKIPPED', 'ANSWERED']);
    expect(reminderOf(inv.id)).toHaveLength(0);
    // The job run again (a retry, a republished event) does nothing.
    expect(await sendReminder({ tenantId: t.tenant.id, invitationId: inv.id })).toBe('not-claimed');
  });

  it('claims each reminder exactly once when two scans run at once', async () => {
    const N = 1_200; // more than two batches, so the scans interleave
    const t = await makeTenant({ throttleDays: 0 });
    const company = await makeCompany(t);
    const { survey } = await makeSurvey(t);
    await setSurveyReminders(t.admin.ctx, survey.id, { remindersEnabled: true, reminderDays: 4 });
    await adminDb.contact.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        tenantId: t.tenant.id,
        email: `many-${i}-${uid()}@customer.example`,
        companyId: company.id,
      })),
    });
    const contacts = await adminDb.contact.findMany({ where: { tenantId: t.tenant.id } });
    const sentAt = new Date(Date.now() - 10 * DAY);
    await adminDb.invitation.createMany({
      data: contacts.map((c) => ({
        tenantId: t.tenant.id,
        surveyId: survey.id,
        contactId: c.id,
        companyId: company.id,
        locale: 'en' as const,
        status: 'SENT' as const,
        sentAt,
        expiresAt: new Date(sentAt.getTime() + 60 * DAY),
        reminderDueAt: new Date(sentAt.getTime() + 4 * DAY),
      })),
    });
    const now = new Date();
    const [a, b] = await Promise.all([scanReminders(now, silent), scanReminders(now, silent)]);
    expect(a.queued + b.queued).toBe(N);
    expect(await scanReminders(now, silent)).toMatchObject({ queued: 0, skipped: 0 });
    const events = await adminDb.outboxEvent.findMany({
      where: { tenantId: t.tenant.id, type: 'invitation.remind' },
      select: { payload: true },
    });
    expect(events).toHaveLength(N);
    expect(new Set(events.map((e) => (e.payload as { invitationId: string }).invitationId)).size).toBe(N);
    expect(
      await adminDb.invitation.count({ where: { tenantId: t.tenant.id, reminderStatus: 'QUEUED' } }),
    ).toBe(N);
    // Nobody mails these made-up contacts: their events are not for the worker tests after this file.
    await adminDb.outboxEvent.updateMany({
      where: { tenantId: t.tenant.id },
      data: { publishedAt: new Date() },
    });
  }, 60_000);

  it('follows the survey’s setting: on plans the sent invitations, off unplans them', async () => {
    const t = await makeTenant({ throttleDays: 0 });
    const { survey, invitations } = await sentWave(t, 2, { reminders: false });
    expect(invitations.every((i) => i.reminderDueAt === null)).toBe(true);
    await setSurveyReminders(t.admin.ctx, survey.id, { remindersEnabled: true, reminderDays: 7 });
    let rows = await adminDb.invitation.findMany({ where: { tenantId: t.tenant.id } });
    for (const r of rows) expect(r.reminderDueAt?.getTime()).toBe(r.sentAt!.getTime() + 7 * DAY);
    await setSurveyReminders(t.admin.ctx, survey.id, { remindersEnabled: false, reminderDays: 7 });
    rows = await adminDb.invitation.findMany({ where: { tenantId: t.tenant.id } });
    expect(rows.every((r) => r.reminderDueAt === null)).toBe(true);
    expect(await scanReminders(new Date(Date.now() + 30 * DAY), silent)).toMatchObject({ queued: 0 });
  });

  it('refuses a delay that cannot be met with a 400 naming the field, in the user’s language', async () => {
    const t = await makeTenant();
    const { survey } = await makeSurvey(t);
    for (const reminderDays of [0, -3, 31, 2.5]) {
      const err = await setSurveyReminders({ ...t.admin.ctx, locale: 'nl' }, survey.id, {
        remindersEnabled: true,
        reminderDays,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      const fields = (err as AppError).details as { fields: Record<string, string> };
      expect(Object.keys(fields.fields)).toEqual(['reminderDays']);
      expect(fields.fields.reminderDays).toBe('kies een heel aantal dagen van 1 tot en met 30');
    }
    // Only a CX manager changes it; a foreign or malformed survey id is a 404.
    await expect(
      setSurveyReminders(t.am.ctx, survey.id, { remindersEnabled: true, reminderDays: 4 }),
    ).rejects.toMatchObject({ status: 403 });
    const other = await makeTenant();
    await expect(
      setSurveyReminders(other.admin.ctx, survey.id, { remindersEnabled: true, reminderDays: 4 }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
