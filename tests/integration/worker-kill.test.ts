// Real processes: the worker (relay + queues) runs as a child process against a local SMTP sink. A
// send wave is cut by SIGKILL at the worst moment (the sink has stored a message and not yet said
// 250), the worker is started again, and then every link in every email must open the survey, and no
// contact may hold two different invitations or tokens. A second test proves that an alert does not
// wait behind a send wave.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as SURVEY_GET } from '../../app/s/[token]/route';
import { GET as UNSUB_GET } from '../../app/s/[token]/unsubscribe/route';
import { adminDb } from '../support/db';

import { hashToken } from '../../lib/distribution/tokens';
import { startSmtpSink, type SinkMessage } from '../../lib/mail/sink';
import { messageIdFor } from '../../lib/mail/transport';
import { loadSurvey, submitAnswer } from '../../lib/responses/public';
import {
  makeCompany,
  makeSurvey,
  makeTenant,
  previewAndSend,
  uid,
  type TestTenant,
} from '../support/factories';
import { killNow, until, workerHarness } from '../support/worker-harness';

const workers = workerHarness();
afterAll(() => workers.close());

async function wave(t: TestTenant, n: number, label: string) {
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
  const { survey } = await makeSurvey(t);
  await adminDb.contact.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      tenantId: t.tenant.id,
      email: `${label}-${i}-${uid()}@customer.example`,
      name: `Contact ${i}`,
      companyId: company.id,
      locale: i % 2 ? ('nl' as const) : ('en' as const),
    })),
  });
  const summary = await previewAndSend(t.admin.ctx, {
    surveyId: survey.id,
    audience: { type: 'companies', companyIds: [company.id] },
  });
  expect(summary.queued).toBe(n);
  return { survey, company };
}

const LINK = /http:\/\/localhost:3999\/s\/[^\s"<>]+/g;
/** The distinct links of a message; its HTML and text parts must carry the same ones. */
function linksOf(m: SinkMessage): string[] {
  const text = [...new Set([...m.text.matchAll(LINK)].map((x) => x[0]))].sort();
  const html = [
    ...new Set([...(m.html ?? '').matchAll(LINK)].map((x) => x[0].replaceAll('&amp;', '&'))),
  ].sort();
  expect(html).toEqual(text);
  return text;
}

describe('a worker killed in the middle of a send wave', () => {
  it('leaves every link in every email working, and no contact with two invitations or tokens', async () => {
    const N = 60;
    const KILL_AT = 15;
    const t = await makeTenant({ throttleDays: 0 });
    const prefix = workers.prefix('kill');
    const mine = (m: SinkMessage) => m.to.some((a) => a.startsWith('wave-'));

    let first: ChildProcess | undefined;
    let killedAfter: SinkMessage | undefined;
    const sink = await startSmtpSink({
      port: 0,
      // The worst moment: the message is stored (delivered, as far as the recipient knows) and the
      // sender is killed before the server's 250 reaches it, so nothing can mark it sent.
      beforeAccept: async (m) => {
        if (first && !killedAfter && mine(m) && sink.messages.filter(mine).length >= KILL_AT) {
          killedAfter = m;
          await killNow(first);
        }
      },
    });
    try {
      const { survey } = await wave(t, N, 'wave');
      first = workers.start(sink, prefix, { INVITATION_MAIL_RATE: '20' });
      const t0 = Date.now();
      await until('the kill', async () => killedAfter !== undefined);
      const tKill = Date.now();
      const atKill = await adminDb.invitation.groupBy({
        by: ['status'],
        where: { tenantId: t.tenant.id, surveyId: survey.id },
        _count: { _all: true },
      });
      const receivedAtKill = sink.messages.filter(mine).length;

      workers.start(sink, prefix, { INVITATION_MAIL_RATE: '20' });
      await until('every invitation sent', async () => {
        const sent = await adminDb.invitation.count({
          where: { tenantId: t.tenant.id, surveyId: survey.id, status: 'SENT' },
        });
        return sent === N;
      });

      const tDone = Date.now();
      const invitations = await adminDb.invitation.findMany({
        where: { tenantId: t.tenant.id, surveyId: survey.id },
        include: { contact: { select: { email: true } } },
      });
      // One invitation per contact.
      expect(invitations).toHaveLength(N);
      expect(new Set(invitations.map((i) => i.contactId)).size).toBe(N);

      const mails = sink.messages.filter(mine);
      let twice = 0;
      const urls = new Map<string, string>(); // url -> invitation id
      for (const inv of invitations) {
        const received = mails.filter((m) => m.to.includes(inv.contact.email));
        expect(received.length, inv.contact.email).toBeGreaterThanOrEqual(1);
        if (received.length > 1) twice++;
        // Every copy is the same message: one Message-ID, one token.
        expect(new Set(received.map((m) => m.headers['message-id']))).toEqual(
          new Set([messageIdFor('invitation', inv.id)]),
        );
        const links = received.flatMap(linksOf);
        const tokens = new Set(links.map((l) => /\/s\/([^/?]+)/.exec(l)![1]!));
        expect(tokens.size, inv.contact.email).toBe(1);
        expect(hashToken([...tokens][0]!)).toBe(inv.tokenHash);
        expect(links.length).toBe(13 * received.length); // 11 scores, survey, unsubscribe (html = text)
        for (const l of links) urls.set(l, inv.id);
      }
      // The message cut off at the kill was sent again after the restart: the same email.
      const cut = mails.filter((m) => m.to.includes(killedAfter!.to[0]!));
      expect(cut).toHaveLength(2);
      expect(linksOf(cut[1]!)).toEqual(linksOf(cut[0]!));

      // Every distinct link opens the survey (or the unsubscribe page) of its own invitation.
      for (const [url, invitationId] of urls) {
        const { pathname } = new URL(url);
        const token = pathname.split('/')[2]!;
        const req = new NextRequest(url);
        const res = pathname.endsWith('/unsubscribe')
          ? await UNSUB_GET(req, { params: Promise.resolve({ token }) })
          : await SURVEY_GET(req, { params: Promise.resolve({ token }) });
        expect(res.status, url).toBe(200);
        expect((await loadSurvey(token))?.invitationId).toBe(invitationId);
      }

      console.log(
        `kill test: ${N} invitations; ${receivedAtKill} emails received when the worker was killed ` +
          `(status then: ${atKill.map((s) => `${s.status} ${s._count._all}`).join(', ')}); ` +
          `${mails.length} emails in all, ${twice} contact(s) got the same email twice; ` +
          `${urls.size} distinct links checked over HTTP; start to kill ${tKill - t0} ms, ` +
          `kill to all sent ${tDone - tKill} ms`,
      );
    } finally {
      await workers.stopAll();
      await sink.close();
    }
  }, 180_000);
});

describe('an alert during a send wave', () => {
  it('reaches the account manager while the invitations are still leaving', async () => {
    const N = 40;
    const t = await makeTenant({ throttleDays: 0 });
    const prefix = workers.prefix('alert');
    const sink = await startSmtpSink({ port: 0 });
    try {
      // An earlier invitation the customer now answers, then a wave of N at 4 mails a second.
      const earlier = await wave(t, 1, 'answerer');
      workers.start(sink, prefix, { INVITATION_MAIL_RATE: '4' });
      const invite = await sink.waitFor((m) => m.to.some((a) => a.startsWith('answerer-')), 60_000);
      const token = /\/s\/([a-z2-9]{8}\.[A-Za-z0-9_-]{27})/.exec(invite.text)![1]!;
      const { survey } = await wave(t, N, 'bulk');
      await sink.waitFor((m) => m.to.some((a) => a.startsWith('bulk-')), 60_000);

      await submitAnswer(token, { score: 2, comment: `Slow ${randomBytes(2).toString('hex')}` });
      const alert = await sink.waitFor((m) => m.to.includes(t.am.email), 60_000);
      const bulkDelivered = sink.messages.filter((m) => m.to.some((a) => a.startsWith('bulk-'))).length;
      const stillQueued = await adminDb.invitation.count({
        where: { tenantId: t.tenant.id, surveyId: survey.id, status: { in: ['PENDING', 'SENDING'] } },
      });
      expect(alert.subject).toContain('2/10');
      expect(bulkDelivered).toBeLessThan(N);
      expect(stillQueued).toBeGreaterThan(0);
      console.log(
        `alert test: the alert arrived after ${bulkDelivered} of ${N} invitations, ${stillQueued} still queued ` +
          `(survey ${earlier.survey.id.slice(0, 8)})`,
      );
      await workers.stopAll();
    } finally {
      await sink.close();
    }
  }, 120_000);
});
