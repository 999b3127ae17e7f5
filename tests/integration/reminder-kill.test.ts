// Reminders through real worker processes: a wave is sent, the clock is moved by running the scan
// with an `at` (as a queued job in the worker, and at the same moment in this process: two scanners),
// and the worker is SIGKILLed at the worst moment of the reminder wave (the sink stored a reminder and
// has not said 250). After a restart every contact has exactly one reminder, carrying the first
// email's links; the one cut off may arrive twice, as the same email (same Message-ID and links).
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminDb } from '../support/db';
import { scanReminders, setSurveyReminders } from '../../lib/distribution/reminders';
import { startSmtpSink, type SinkMessage } from '../../lib/mail/sink';
import { messageIdFor } from '../../lib/mail/transport';
import { makeCompany, makeSurvey, makeTenant, previewAndSend, uid } from '../support/factories';
import { killNow, until, workerHarness } from '../support/worker-harness';

const workers = workerHarness();
afterAll(() => workers.close());

const DAY = 86_400_000;
const LINK = /http:\/\/localhost:3999\/s\/[^\s"<>]+/g;
const links = (m: SinkMessage) => [...new Set([...m.text.matchAll(LINK)].map((x) => x[0]))].sort();
const isReminder = (m: SinkMessage) =>
  (m.headers['message-id'] ?? '').startsWith('<reminder.') && m.to.some((a) => a.startsWith('remind-'));

describe('a worker killed in the middle of a reminder wave', () => {
  it('leaves every contact with exactly one reminder, carrying the links of the first email', async () => {
    const N = 40;
    const KILL_AT = 12;
    const t = await makeTenant({ throttleDays: 0 });
    const company = await makeCompany(t);
    const { survey } = await makeSurvey(t);
    await setSurveyReminders(t.admin.ctx, survey.id, { remindersEnabled: true, reminderDays: 4 });
    await adminDb.contact.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        tenantId: t.tenant.id,
        email: `remind-${i}-${uid()}@customer.example`,
        companyId: company.id,
        locale: i % 2 ? ('nl' as const) : ('en' as const),
      })),
    });
    await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'companies', companyIds: [company.id] },
    });

    const prefix = workers.prefix('remind');
    let first: ReturnType<typeof workers.start> | undefined;
    let killedAt: SinkMessage | undefined;
    const sink = await startSmtpSink({
      port: 0,
      beforeAccept: async (m) => {
        if (first && !killedAt && isReminder(m) && sink.messages.filter(isReminder).length >= KILL_AT) {
          killedAt = m;
          await killNow(first);
        }
      },
    });
    const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    const scheduled = new Queue('scheduled', { connection: redis, prefix: `{${prefix}}` });
    try {
      first = workers.start(sink, prefix, { INVITATION_MAIL_RATE: '20' });
      await until('every invitation sent', async () => {
        const sent = await adminDb.invitation.count({ where: { tenantId: t.tenant.id, status: 'SENT' } });
        return sent === N;
      });
      const sentAt = (await adminDb.invitation.findFirstOrThrow({ where: { tenantId: t.tenant.id } }))
        .sentAt!;
      const at = new Date(sentAt.getTime() + 5 * DAY);

      // Two scanners at once: the worker's scheduled job (with an `at`) and this process.
      await scheduled.add('scan-reminders', { at: at.toISOString() });
      const here = await scanReminders(at, pino({ level: 'silent' }));
      await until('the kill', async () => killedAt !== undefined);
      const receivedAtKill = sink.messages.filter(isReminder).length;

      workers.start(sink, prefix, { INVITATION_MAIL_RATE: '20' });
      await until('every reminder sent', async () => {
        const sent = await adminDb.invitation.count({
          where: { tenantId: t.tenant.id, reminderStatus: 'SENT' },
        });
        return sent === N;
      });

      const invitations = await adminDb.invitation.findMany({
        where: { tenantId: t.tenant.id },
        include: { contact: { select: { email: true } } },
      });
      const events = await adminDb.outboxEvent.count({
        where: { tenantId: t.tenant.id, type: 'invitation.remind' },
      });
      expect(events).toBe(N); // claimed once each, whichever scanner took it
      let twice = 0;
      for (const inv of invitations) {
        const mails = sink.messages.filter((m) => m.to.includes(inv.contact.email));
        const invitation = mails.filter(
          (m) => m.headers['message-id'] === messageIdFor('invitation', inv.id),
        );
        const reminders = mails.filter(isReminder);
        expect(reminders.length, inv.contact.email).toBeGreaterThanOrEqual(1);
        if (reminders.length > 1) twice++;
        // Every copy is the one reminder of this invitation, with the first email's links.
        for (const r of reminders) {
          expect(r.headers['message-id']).toBe(messageIdFor('reminder', inv.id));
          expect(r.subject).toMatch(inv.locale === 'nl' ? /^Herinnering:/ : /^Reminder:/);
          expect(links(r)).toEqual(links(invitation[0]!));
        }
      }
      // At most the reminders cut off at the kill came twice (the same email, the documented window
      // between the SMTP server's acceptance and the sent mark): one per job the worker runs at once.
      const inFlight = Number(process.env.WORKER_CONCURRENCY ?? 5);
      expect(twice).toBeLessThanOrEqual(inFlight);
      expect(sink.messages.filter(isReminder).length).toBeLessThanOrEqual(N + inFlight);
      console.log(
        `reminder kill test: ${N} reminders; the in-process scan claimed ${here.queued}, the worker's job the rest; ` +
          `${receivedAtKill} reminders received at the kill; ${twice} contact(s) got the same reminder twice`,
      );
    } finally {
      await scheduled.close();
      await redis.quit();
      await workers.stopAll();
      await sink.close();
    }
  }, 180_000);
});
