import { AlertLeaseHeldError } from '../../lib/followup/alert';
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '../../app/s/[token]/route';
import { GET as UNSUB_GET, POST as UNSUB_POST } from '../../app/s/[token]/unsubscribe/route';
import { adminDb } from '../support/db';

import { newSurveyToken } from '../../lib/distribution/tokens';
import { createTaskForResponse } from '../../lib/followup/create-task';
import { setTaskStatus } from '../../lib/followup/tasks';
import { submitAnswer } from '../../lib/responses/public';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeInvitation,
  makeSurvey,
  makeTenant,
  previewAndSend,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

// The route handlers are called directly, as Next.js calls them.
const APP = 'http://localhost:3999';
/** A fresh client address per request, so the per-IP answer rate limit never interferes. */
const ip = () => `10.${randomBytes(3).join('.')}`;

function get(token: string, query = '', headers: Record<string, string> = {}) {
  const req = new NextRequest(`${APP}/s/${token}${query}`, {
    headers: { 'x-forwarded-for': ip(), ...headers },
  });
  return GET(req, { params: Promise.resolve({ token }) });
}

function post(token: string, form: Record<string, string> | string, headers: Record<string, string> = {}) {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  const req = new NextRequest(`${APP}/s/${token}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip(), ...headers },
  });
  return POST(req, { params: Promise.resolve({ token }) });
}

function unsubGet(token: string) {
  return UNSUB_GET(new NextRequest(`${APP}/s/${token}/unsubscribe`), { params: Promise.resolve({ token }) });
}

function unsubPost(token: string, body = 'List-Unsubscribe=One-Click') {
  const req = new NextRequest(`${APP}/s/${token}/unsubscribe`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return UNSUB_POST(req, { params: Promise.resolve({ token }) });
}

/** Everything a survey request could write, across all tenants, plus the invitation and contact rows. */
async function snapshot(t: TestTenant, invitationId: string, contactId: string) {
  const [responses, tasks, outbox, audit, invitation, contact] = await Promise.all([
    adminDb.response.count(),
    adminDb.followUpTask.count(),
    adminDb.outboxEvent.count(),
    adminDb.auditLog.count(),
    adminDb.invitation.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: invitationId } },
    }),
    adminDb.contact.findUniqueOrThrow({ where: { tenantId_id: { tenantId: t.tenant.id, id: contactId } } }),
  ]);
  return { responses, tasks, outbox, audit, invitation, contact };
}

async function setup(
  opts: {
    locale?: 'nl' | 'en';
    expiresAt?: Date | null;
    status?: 'SENT' | 'SENDING' | 'PENDING' | 'SKIPPED' | 'FAILED';
  } = {},
) {
  const t = await makeTenant();
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
  const contact = await makeContact(t, { companyId: company.id, locale: opts.locale ?? 'en' });
  const { survey } = await makeSurvey(t);
  const { invitation, token } = await makeInvitation(t, {
    surveyId: survey.id,
    contactId: contact.id,
    companyId: company.id,
    locale: opts.locale ?? 'en',
    expiresAt: opts.expiresAt,
    status: opts.status,
  });
  return { t, company, contact, survey, invitation, token };
}

describe('GET /s/[token]', () => {
  it('shows the survey as plain HTML, with the score preselected, and writes nothing', async () => {
    const { t, contact, invitation, token } = await setup();
    const before = await snapshot(t, invitation.id, contact.id);

    const res = await get(token, '?score=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(
      `How likely is it that you would recommend ${t.tenant.senderName} to a colleague or friend?`,
    );
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toContain('_next/');
    expect(html).toMatch(/<input type="radio" id="s3" name="score" value="3" required checked/);
    expect(html.match(/ checked/g)).toHaveLength(1);
    expect(html).toContain('What disappointed you?'); // the detractor follow-up for a 3

    const plain = await get(token);
    expect(plain.status).toBe(200);
    const plainHtml = await plain.text();
    expect(plainHtml).not.toMatch(/ checked/);
    for (let s = 0; s <= 10; s++) expect(plainHtml).toContain(`value="${s}"`);

    // Odd scores do not preselect anything (and still do not write).
    for (const q of ['?score=11', '?score=-1', '?score=abc', '?score=3.5', '?score=']) {
      const r = await get(token, q);
      expect(r.status).toBe(200);
      expect(await r.text()).not.toMatch(/ checked/);
    }
    // Mail scanners: many GETs, still nothing written.
    await Promise.all(Array.from({ length: 10 }, (_, i) => get(token, `?score=${i}`)));

    expect(await snapshot(t, invitation.id, contact.id)).toEqual(before);
  });

  it('shows the survey in the invitation language (nl), whatever the browser says', async () => {
    const { t, token } = await setup({ locale: 'nl' });
    const res = await get(token, '?score=9', { 'accept-language': 'en-GB,en;q=0.9' });
    const html = await res.text();
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain(
      `Hoe waarschijnlijk is het dat u ${t.tenant.senderName} aanbeveelt bij een collega of relatie?`,
    );
    expect(html).toContain('Wat waardeert u het meest?');
  });
});

describe('POST /s/[token]', () => {
  it('records the answer; a second answer updates the same response and the open task follows', async () => {
    const { t, contact, invitation, token } = await setup();
    const where = { tenantId: t.tenant.id };

    const res = await post(token, { score: '8', comment: 'x' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Thank you!');
    expect(html).toContain('Thank you for your answer. We read every reply and will get back to you.');
    const first = await adminDb.response.findFirstOrThrow({ where });
    expect(first).toMatchObject({
      score: 8,
      category: 'PASSIVE',
      comment: 'x',
      invitationId: invitation.id,
      contactId: contact.id,
      locale: 'en',
    });
    const respondedAt = (
      await adminDb.invitation.findFirstOrThrow({ where: { ...where, id: invitation.id } })
    ).respondedAt;
    expect(respondedAt).toBeInstanceOf(Date);
    expect(await adminDb.outboxEvent.count({ where: { ...where, type: 'response.submitted' } })).toBe(1);

    await drainOutbox(t.tenant.id);
    const task = await adminDb.followUpTask.findFirstOrThrow({ where });
    expect(task).toMatchObject({
      category: 'PASSIVE',
      status: 'OPEN',
      responseId: first.id,
      assigneeMembershipId: t.am.membershipId,
    });

    // Second answer: 4, no comment -> same row, DETRACTOR, comment kept; the open task follows.
    const again = await post(token, { score: '4' });
    expect(again.status).toBe(200);
    expect(await adminDb.response.count({ where })).toBe(1);
    const second = await adminDb.response.findFirstOrThrow({ where });
    expect(second).toMatchObject({ id: first.id, score: 4, category: 'DETRACTOR', comment: 'x' });
    expect(second.submittedAt).toEqual(first.submittedAt);
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    await drainOutbox(t.tenant.id);
    expect(await adminDb.followUpTask.count({ where })).toBe(1);
    expect(await adminDb.followUpTask.findFirstOrThrow({ where })).toMatchObject({
      id: task.id,
      category: 'DETRACTOR',
      status: 'OPEN',
    });
    expect(await adminDb.outboxEvent.count({ where: { ...where, type: 'response.submitted' } })).toBe(1);
    expect(
      (await adminDb.invitation.findFirstOrThrow({ where: { ...where, id: invitation.id } })).respondedAt,
    ).toEqual(respondedAt);

    // A new comment replaces the old one.
    await post(token, { score: '5', comment: 'Slow support' });
    expect(await adminDb.response.findFirstOrThrow({ where })).toMatchObject({
      score: 5,
      comment: 'Slow support',
    });

    // The page now shows the earlier answer.
    const page = await (await get(token)).text();
    expect(page).toContain('You answered 5 before.');
    expect(page).toMatch(/value="5" required checked/);
    expect(page).toContain('Slow support');

    // Once the task is done, its category no longer changes.
    await setTaskStatus(t.admin.ctx, task.id, { status: 'DONE' });
    await post(token, { score: '10' });
    expect(await adminDb.response.findFirstOrThrow({ where })).toMatchObject({
      score: 10,
      category: 'PROMOTER',
    });
    expect(await adminDb.followUpTask.findFirstOrThrow({ where })).toMatchObject({
      category: 'DETRACTOR',
      status: 'DONE',
    });
  });

  it('50 concurrent submits on one token: one response, one event, one task, one alert', async () => {
    const { t, invitation, token } = await setup();
    const where = { tenantId: t.tenant.id };
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? post(token, { score: String(i % 11), comment: `c${i}` }).then((r) => r.status)
          : submitAnswer(token, { score: i % 11 }).then(() => 200),
      ),
    );
    const failures = results
      .filter((r) => r.status === 'rejected')
      .map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(Array(50).fill(200));

    expect(await adminDb.response.count({ where })).toBe(1);
    expect(await adminDb.response.count({ where: { ...where, invitationId: invitation.id } })).toBe(1);
    expect(await adminDb.outboxEvent.count({ where: { ...where, type: 'response.submitted' } })).toBe(1);
    const response = await adminDb.response.findFirstOrThrow({ where });

    // The job runs several times, some at once.
    const direct = await Promise.allSettled([
      drainOutbox(t.tenant.id),
      drainOutbox(t.tenant.id),
      ...Array.from({ length: 5 }, () =>
        createTaskForResponse({ tenantId: t.tenant.id, responseId: response.id }),
      ),
    ]);
    // A run that meets another run's live alert lease fails so the queue retries it later.
    for (const r of direct) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(AlertLeaseHeldError);
    await drainOutbox(t.tenant.id);
    const createdFlags = direct
      .slice(2)
      .map((r) => r.status === 'fulfilled' && (r.value as { created: boolean }).created);
    expect(createdFlags.filter(Boolean).length).toBeLessThanOrEqual(1);

    expect(await adminDb.followUpTask.count({ where })).toBe(1);
    const task = await adminDb.followUpTask.findFirstOrThrow({ where });
    expect(task.category).toBe(response.category);
    expect(await adminDb.outboxEvent.count({ where: { ...where, type: 'task.alert' } })).toBe(1);
    expect(await adminDb.auditLog.count({ where: { ...where, action: 'task.created' } })).toBe(1);
    await sink().waitFor((m) => m.to.includes(t.am.email));
    await new Promise((r) => setTimeout(r, 200));
    expect(sink().messages.filter((m) => m.to.includes(t.am.email))).toHaveLength(1);
  });

  it('refuses an invalid score with a 400 page and writes nothing', async () => {
    const { t, contact, invitation, token } = await setup();
    const before = await snapshot(t, invitation.id, contact.id);
    const forms: Record<string, string>[] = [
      { score: '11' },
      { score: 'abc' },
      {},
      { score: '' },
      { score: '  ' },
      { score: '-1' },
      { score: '7.5' },
      { comment: 'no score' },
      { score: '', comment: 'blank score' },
    ];
    for (const form of forms) {
      const res = await post(token, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const html = await res.text();
      expect(html).toContain('Please choose a score from 0 to 10.');
      expect(html).toContain(`recommend ${t.tenant.senderName}`);
    }
    // Not a form at all.
    const json = await post(token, JSON.stringify({ score: 9 }), { 'content-type': 'application/json' });
    expect(json.status).toBe(400);
    expect(await snapshot(t, invitation.id, contact.id)).toEqual(before);
  });
});

describe('links that do not work', () => {
  let A: Awaited<ReturnType<typeof setup>>;
  let B: Awaited<ReturnType<typeof setup>>;
  let expired: Awaited<ReturnType<typeof setup>>;

  beforeAll(async () => {
    A = await setup();
    B = await setup();
    expired = await setup({ expiresAt: new Date(Date.now() - 1_000) });
  });

  it('unknown, malformed, expired, unsent and cross-tenant tokens get the same 404 page, and nothing is written', async () => {
    const headers = { 'accept-language': 'en' };
    const bSecret = B.token.split('.')[1]!;
    const pending = await setup({ status: 'PENDING' });
    const skipped = await setup({ status: 'SKIPPED' });
    const failed = await setup({ status: 'FAILED' });
    const tokens = {
      unknown: newSurveyToken(A.t.tenant.routingKey).token,
      unknownTenant: newSurveyToken('zzzzzzzz').token,
      malformed: 'abc',
      malformedSecret: `${A.t.tenant.routingKey}.short`,
      expired: expired.token,
      crossTenant: `${A.t.tenant.routingKey}.${bSecret}`,
      pending: pending.token,
      skipped: skipped.token,
      failed: failed.token,
    };
    const before = await snapshot(A.t, A.invitation.id, A.contact.id);
    const reference = await (await get(tokens.unknown, '', headers)).text();
    expect(reference).toContain('This link does not work');
    for (const [name, token] of Object.entries(tokens)) {
      const g = await get(token, '?score=9', headers);
      expect(g.status, `GET ${name}`).toBe(404);
      expect(await g.text(), `GET ${name}`).toBe(reference);
      const p = await post(token, { score: '9', comment: 'hi' }, headers);
      expect(p.status, `POST ${name}`).toBe(404);
      expect(await p.text(), `POST ${name}`).toBe(reference);
      if (name === 'expired') continue; // unsubscribing outlives the survey link: checked below
      const u = await unsubPost(token);
      expect(u.status, `unsubscribe ${name}`).toBe(404);
    }
    expect(await snapshot(A.t, A.invitation.id, A.contact.id)).toEqual(before);
    expect((await unsubPost(tokens.expired)).status).toBe(200);
    expect(
      await adminDb.response.count({
        where: { tenantId: { in: [B.t.tenant.id, expired.t.tenant.id, pending.t.tenant.id] } },
      }),
    ).toBe(0);
    expect(
      (
        await adminDb.contact.findUniqueOrThrow({
          where: { tenantId_id: { tenantId: B.t.tenant.id, id: B.contact.id } },
        })
      ).unsubscribedAt,
    ).toBeNull();
    // B's own token still works.
    expect((await get(B.token)).status).toBe(200);
  });

  it('the 404 page follows the browser language (nl by default)', async () => {
    const token = newSurveyToken(A.t.tenant.routingKey).token;
    expect(await (await get(token, '', { 'accept-language': 'nl-NL,nl;q=0.9' })).text()).toContain(
      'Deze link werkt niet',
    );
    expect(await (await get(token)).text()).toContain('Deze link werkt niet');
  });
});

describe('unsubscribe', () => {
  it('GET asks to confirm and writes nothing; the one-click POST unsubscribes; a later send skips the contact', async () => {
    const { t, contact, invitation, survey, token } = await setup();
    const before = await snapshot(t, invitation.id, contact.id);
    const page = await unsubGet(token);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Do you no longer want to receive surveys from ${t.tenant.senderName}?`);
    expect(html).toContain(`action="/s/${token}/unsubscribe"`);
    expect(await snapshot(t, invitation.id, contact.id)).toEqual(before);

    // RFC 8058 one-click: form body, no Origin, no cookies.
    const res = await unsubPost(token);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    const after = await adminDb.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
    });
    expect(after.unsubscribedAt).toBeInstanceOf(Date);
    expect(
      await adminDb.auditLog.count({
        where: { tenantId: t.tenant.id, action: 'contact.unsubscribed', entityId: contact.id },
      }),
    ).toBe(1);

    // Again: still unsubscribed, the first moment kept.
    expect((await unsubPost(token)).status).toBe(200);
    const again = await adminDb.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
    });
    expect(again.unsubscribedAt).toEqual(after.unsubscribedAt);

    // The next send skips them. (The throttle would too, so make the old invitation old.)
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: invitation.id } },
      data: { createdAt: new Date(Date.now() - 365 * 86_400_000) },
    });
    const mails = sink().messages.length;
    const summary = await previewAndSend(t.admin.ctx, { surveyId: survey.id, audience: { type: 'all' } });
    expect(summary).toMatchObject({
      total: 1,
      queued: 0,
      skipped: { UNSUBSCRIBED: 1, THROTTLED: 0, BOUNCED: 0 },
    });
    await drainOutbox(t.tenant.id);
    expect(
      sink()
        .messages.slice(mails)
        .filter((m) => m.to.includes(contact.email)),
    ).toEqual([]);
  });
});
