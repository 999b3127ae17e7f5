// The respondent's HTTP edge: refused answers keep what was typed, the comment is tri-state, the rate
// limits key on the invitation and the proxy's address, bodies are bounded and the token comes first,
// and unsubscribe looks the token up once (through unsubscribe()).
import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POST } from '../../app/s/[token]/route';
import { GET as UNSUB_GET, POST as UNSUB_POST } from '../../app/s/[token]/unsubscribe/route';
import { systemPathChannel, type TSystemPurpose } from '../../lib/db';
import { adminDb } from '../support/db';
import { newSurveyToken } from '../../lib/distribution/tokens';
import { clientAddress, rateLimits } from '../../lib/http/rate-limit';
import { ANSWER_LIMITS, MAX_FORM_BYTES } from '../../lib/responses/http';
import { lookupInvitation, recordAnswer, submitAnswer, unsubscribe } from '../../lib/responses/public';
import { ZSubmitAnswer } from '../../lib/responses/schemas';
import { makeContact, makeInvitation, makeSurvey, makeTenant } from '../support/factories';

/** Token lookups are the 'token routing' system path; lib/db announces each on a diagnostics channel. */
const systemPaths: TSystemPurpose[] = [];
systemPathChannel.subscribe((m) => systemPaths.push((m as { purpose: TSystemPurpose }).purpose));
const tokenLookups = () => systemPaths.filter((p) => p === 'token routing');
const clearLookups = () => systemPaths.splice(0);

const APP = 'http://localhost:3999';
/** A fresh client address, so the per-client limit only counts where a test means it to. */
const ip = () => `10.${randomBytes(3).join('.')}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function postReq(token: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new NextRequest(`${APP}/s/${token}`, {
    method: 'POST',
    body,
    headers: { ...FORM, 'x-forwarded-for': ip(), ...headers },
    duplex: 'half',
  } as ConstructorParameters<typeof NextRequest>[1]);
}

function send(req: NextRequest, token: string) {
  return POST(req, { params: Promise.resolve({ token }) });
}

function post(token: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return send(postReq(token, new URLSearchParams(form).toString(), headers), token);
}

/** Like post, but with no proxy header at all (as a direct request in a test would be). */
function postDirect(token: string, form: Record<string, string>) {
  const req = new NextRequest(`${APP}/s/${token}`, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: FORM,
  });
  return send(req, token);
}

function unsubPost(token: string) {
  const req = new NextRequest(`${APP}/s/${token}/unsubscribe`, {
    method: 'POST',
    body: 'List-Unsubscribe=One-Click',
    headers: FORM,
  });
  return UNSUB_POST(req, { params: Promise.resolve({ token }) });
}

function unsubGet(token: string) {
  return UNSUB_GET(new NextRequest(`${APP}/s/${token}/unsubscribe`), { params: Promise.resolve({ token }) });
}

/** One tenant and survey; `n` invitations on it (one contact each). */
async function setup(opts: { locale?: 'nl' | 'en'; n?: number; expiresAt?: Date | null } = {}) {
  const t = await makeTenant();
  const { survey } = await makeSurvey(t);
  const invitations = [];
  for (let i = 0; i < (opts.n ?? 1); i++) {
    const contact = await makeContact(t, { locale: opts.locale ?? 'en' });
    const inv = await makeInvitation(t, {
      surveyId: survey.id,
      contactId: contact.id,
      locale: opts.locale ?? 'en',
      expiresAt: opts.expiresAt,
    });
    invitations.push({ ...inv, contact });
  }
  const first = invitations[0]!;
  return { t, survey, invitations, token: first.token, invitation: first.invitation, contact: first.contact };
}

const responseOf = (tenantId: string, invitationId: string) =>
  adminDb.response.findFirst({ where: { tenantId, invitationId } });

/** The rate limits count per fixed minute: start a burst early in a window so it cannot straddle two. */
async function freshWindow(needMs = 20_000) {
  const windowMs = ANSWER_LIMITS.windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}

const checkedScores = (html: string) =>
  [...html.matchAll(/value="(\d+)" required checked/g)].map((m) => m[1]);
const textarea = (html: string) => /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the answer schema', () => {
  it('keeps the comment tri-state and refuses a blank score', () => {
    expect(ZSubmitAnswer.parse({ score: '7' })).toEqual({ score: 7 });
    expect(ZSubmitAnswer.parse({ score: '7' }).comment).toBeUndefined();
    expect(ZSubmitAnswer.parse({ score: '7', comment: '' }).comment).toBe('');
    expect(ZSubmitAnswer.parse({ score: '7', comment: '   \n ' }).comment).toBe('');
    expect(ZSubmitAnswer.parse({ score: ' 0 ', comment: '  hi  ' })).toEqual({ score: 0, comment: 'hi' });
    expect(ZSubmitAnswer.parse({ score: 10 }).score).toBe(10);
    for (const score of ['', '  ', '11', '-1', '7.5', 'abc', undefined]) {
      expect(ZSubmitAnswer.safeParse({ score }).success, JSON.stringify(score)).toBe(false);
    }
    expect(ZSubmitAnswer.safeParse({ score: '7', comment: 'a'.repeat(5000) }).success).toBe(true);
    expect(ZSubmitAnswer.safeParse({ score: '7', comment: 'a'.repeat(5001) }).success).toBe(false);
  });
});

describe('a refused answer keeps what was typed', () => {
  it('a missing or blank score: the score message, the typed comment, not the stored answer', async () => {
    const { t, invitation, token } = await setup();
    await submitAnswer(token, { score: 9, comment: 'stored note' });
    const before = await responseOf(t.tenant.id, invitation.id);

    const forms: Record<string, string>[] = [
      { comment: 'typed <b>text</b> & more' },
      { score: '', comment: 'typed <b>text</b> & more' },
      { score: '12', comment: 'typed <b>text</b> & more' },
    ];
    for (const form of forms) {
      const res = await post(token, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const html = await res.text();
      expect(html).toContain('<p class="error" role="alert">Please choose a score from 0 to 10.</p>');
      expect(html).not.toContain('characters');
      expect(textarea(html)).toBe('typed &lt;b&gt;text&lt;/b&gt; &amp; more');
      expect(html).not.toContain('stored note');
      expect(checkedScores(html)).toEqual([]); // not the stored 9: the respondent chose none
      expect(html).toContain('You answered 9 before.');
    }
    expect(await responseOf(t.tenant.id, invitation.id)).toEqual(before);
  });

  it('a too-long comment: its own message naming the limit, the typed score and comment kept (en, nl)', async () => {
    const comment = 'A long story. '.repeat(400); // 5,600 characters, 5,599 trimmed

    const en = await setup({ locale: 'en' });
    const res = await post(en.token, { score: '6', comment });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(
      '<p class="error" role="alert">Your answer is too long: at most 5,000 characters. Please shorten it a little.</p>',
    );
    expect(html).not.toContain('Please choose a score');
    expect(checkedScores(html)).toEqual(['6']);
    expect(textarea(html)).toBe(comment);
    expect(html).toMatch(/<textarea [^>]*aria-invalid="true"/);
    expect(await responseOf(en.t.tenant.id, en.invitation.id)).toBeNull();

    const nl = await setup({ locale: 'nl' });
    const nlHtml = await (await post(nl.token, { score: '6', comment })).text();
    expect(nlHtml).toContain('Uw antwoord is te lang: maximaal 5.000 tekens. Maak het iets korter.');
    expect(textarea(nlHtml)).toBe(comment);

    // Both problems at once: both messages.
    const both = await (await post(en.token, { score: 'x', comment })).text();
    expect(both).toContain('Please choose a score from 0 to 10.');
    expect(both).toContain('at most 5,000 characters');
    expect(textarea(both)).toBe(comment);
  });

  it('line breaks count once, as in the textarea (browsers send CRLF)', async () => {
    const { t, invitation, token } = await setup();
    const comment = 'abcd\r\n'.repeat(1000); // 6,000 characters sent, 5,000 typed
    const res = await post(token, { score: '8', comment });
    expect(res.status).toBe(200);
    expect((await responseOf(t.tenant.id, invitation.id))?.comment).toBe('abcd\n'.repeat(1000).trim());
  });
});

describe('an emptied comment', () => {
  it('clears the stored comment; a form without the field keeps it', async () => {
    const { t, invitation, token } = await setup();
    expect((await post(token, { score: '4', comment: 'Slow support' })).status).toBe(200);
    expect((await responseOf(t.tenant.id, invitation.id))?.comment).toBe('Slow support');

    // Without the field (an API-style post): kept.
    expect((await post(token, { score: '5' })).status).toBe(200);
    expect(await responseOf(t.tenant.id, invitation.id)).toMatchObject({ score: 5, comment: 'Slow support' });

    // The form always posts the textarea: emptied (or only spaces) means cleared.
    expect((await post(token, { score: '7', comment: '' })).status).toBe(200);
    const cleared = await responseOf(t.tenant.id, invitation.id);
    expect(cleared?.score).toBe(7);
    expect(cleared?.comment ?? '').toBe('');

    await post(token, { score: '7', comment: 'Better now' });
    await post(token, { score: '8', comment: '   ' });
    expect((await responseOf(t.tenant.id, invitation.id))?.comment ?? '').toBe('');
  });
});

describe('answer rate limits', () => {
  it('the client address is the last X-Forwarded-For hop (our proxy), else X-Real-IP, else none', () => {
    const h = (init: Record<string, string>) => clientAddress(new Headers(init));
    expect(h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
    expect(h({ 'x-forwarded-for': '203.0.113.8' })).toBe('203.0.113.8');
    expect(h({ 'x-forwarded-for': 'spoofed, 6.6.6.6 , 2001:DB8::1 ' })).toBe('2001:db8::1');
    expect(h({ 'x-real-ip': '203.0.113.9' })).toBe('203.0.113.9');
    expect(h({})).toBeNull();
  });

  it(`per invitation: more than ${ANSWER_LIMITS.perToken} a minute on one token is refused, whatever the address; what was typed stays`, async () => {
    await freshWindow();
    const { t, invitation, token } = await setup();
    for (let i = 0; i < ANSWER_LIMITS.perToken; i++) {
      const res = await post(token, { score: String(i % 11), comment: `attempt ${i}` });
      expect(res.status, `attempt ${i}`).toBe(200);
    }
    const refused = await post(token, { score: '3', comment: 'I kept typing' });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain('<p class="error" role="alert">Too many attempts.');
    expect(textarea(html)).toBe('I kept typing');
    expect(checkedScores(html)).toEqual(['3']);
    const last = ANSWER_LIMITS.perToken - 1;
    expect(await responseOf(t.tenant.id, invitation.id)).toMatchObject({
      score: last % 11,
      comment: `attempt ${last}`,
    });
  });

  it('without a proxy header respondents do not share one bucket: a send wave is answered', async () => {
    await freshWindow();
    const tokens = 4;
    const { t, invitations } = await setup({ n: tokens });
    const statuses = [];
    for (let i = 0; i < 65; i++) {
      const { token } = invitations[i % tokens]!;
      statuses.push((await postDirect(token, { score: String(i % 11), comment: '' })).status);
    }
    expect(statuses).toEqual(Array(65).fill(200));
    expect(await adminDb.response.count({ where: { tenantId: t.tenant.id } })).toBe(tokens);
  });

  it(`per client (${ANSWER_LIMITS.perClient} a minute): keyed on the last hop, so a spoofed first hop does not escape it`, async () => {
    await freshWindow(25_000);
    const { perClient, perToken } = ANSWER_LIMITS;
    const tokens = Math.ceil((perClient + 1) / (perToken - 1)); // stay under the per-token limit
    const { invitations } = await setup({ n: tokens });
    const proxyAdded = `198.${randomBytes(3).join('.')}`; // what our proxy appended
    const statuses: number[] = [];
    // Score left out: each attempt counts, is refused as invalid (400) and writes nothing.
    for (let i = 0; i < perClient + 1; i += 10) {
      const batch = Array.from({ length: Math.min(10, perClient + 1 - i) }, (_, j) =>
        post(
          invitations[(i + j) % tokens]!.token,
          { comment: 'x' },
          { 'x-forwarded-for': `${ip()}, ${proxyAdded}` },
        ),
      );
      statuses.push(...(await Promise.all(batch)).map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(perClient);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    // Another address (same invitations) is not affected.
    expect((await post(invitations[0]!.token, { comment: 'x' })).status).toBe(400);
  }, 60_000);
});

describe('bounded bodies, token first', () => {
  it('a declared body over 64 KB gets the friendly 413 page without being read', async () => {
    const { t, invitation, token } = await setup();
    const body = new URLSearchParams({ score: '9', comment: 'hi' }).toString();
    const req = postReq(token, body, { 'content-length': String(MAX_FORM_BYTES + 1) });
    const res = await send(req, token);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="nl"'); // no lookup yet: the browser's language, nl by default
    expect(html).toContain('Uw antwoord is te lang');
    expect(html).toContain('maximaal 5.000 tekens');
    expect(req.bodyUsed).toBe(false);
    expect(await responseOf(t.tenant.id, invitation.id)).toBeNull();

    const en = await send(
      postReq(token, body, { 'content-length': '10000000', 'accept-language': 'en-GB,en;q=0.9' }),
      token,
    );
    expect(en.status).toBe(413);
    expect(await en.text()).toContain('We could not receive your answer: it is too long.');
  });

  it('without Content-Length at most 64 KB is read: a larger body is refused (413) in the invitation language', async () => {
    const { t, invitation, token } = await setup({ locale: 'en' });
    const body = new URLSearchParams({ score: '9', comment: 'a'.repeat(70_000) }).toString();
    const req = postReq(token, body);
    expect(req.headers.get('content-length')).toBeNull();
    const res = await send(req, token);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Your answer is too long');

    // A stream that never ends: reading stops (and cancels) just past the limit.
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`score=9&comment=${'b'.repeat(16_000)}`.slice(0, 16_384));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const streamed = await send(postReq(token, stream), token);
    expect(streamed.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(MAX_FORM_BYTES + 3 * chunk.byteLength);
    expect(await responseOf(t.tenant.id, invitation.id)).toBeNull();
  });

  it('the longest real answer fits: 5,000 three-byte characters, percent-encoded', async () => {
    const { t, invitation, token } = await setup();
    const body = new URLSearchParams({ score: '10', comment: '€'.repeat(5000) }).toString();
    expect(body.length).toBeGreaterThan(40_000);
    const res = await send(postReq(token, body, { 'content-length': String(body.length) }), token);
    expect(res.status).toBe(200);
    expect((await responseOf(t.tenant.id, invitation.id))?.comment).toBe('€'.repeat(5000));
  });

  it('an unknown token gets the 404 page without its body being read', async () => {
    const { t } = await setup();
    const token = newSurveyToken(t.tenant.routingKey).token;
    const req = postReq(token, new URLSearchParams({ score: '9', comment: 'hi' }).toString());
    const res = await send(req, token);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze link werkt niet');
    expect(req.bodyUsed).toBe(false);
  });
});

describe('the answer path', () => {
  it('an answer POST looks the token up once and writes in one statement: response, invitation stamp, event', async () => {
    const { t, token, invitation } = await setup();
    clearLookups();
    const res = await post(token, { score: '3', comment: 'Too slow' });
    expect(res.status).toBe(200);
    expect(tokenLookups().length).toBe(1);
    const r = await responseOf(t.tenant.id, invitation.id);
    expect(r).toMatchObject({ score: 3, category: 'DETRACTOR', comment: 'Too slow' });
    const inv = await adminDb.invitation.findFirst({ where: { tenantId: t.tenant.id, id: invitation.id } });
    expect(inv?.respondedAt).not.toBeNull();
    const events = await adminDb.outboxEvent.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['response.submitted']);
    expect(events[0]!.payload).toEqual({ tenantId: t.tenant.id, responseId: r!.id });

    // A change of category announces 'response.changed'; the same category announces nothing.
    expect((await post(token, { score: '4' })).status).toBe(200);
    expect((await post(token, { score: '9' })).status).toBe(200);
    const after = await adminDb.outboxEvent.findMany({
      where: { tenantId: t.tenant.id },
      orderBy: { id: 'asc' },
    });
    expect(after.map((e) => e.type)).toEqual(['response.submitted', 'response.changed']);
    expect((await responseOf(t.tenant.id, invitation.id))?.comment).toBe('Too slow');
  });

  it("the one-statement write names its own tenant: another tenant's invitation is not found and nothing is written", async () => {
    const a = await setup();
    const b = await setup();
    const found = await lookupInvitation(a.token);
    expect(found).not.toBeNull();
    // Tenant B's id with tenant A's invitation: the policies hide A's rows from a statement scoped to B.
    await expect(recordAnswer({ ...found!, tenantId: b.t.tenant.id }, { score: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await adminDb.response.count({ where: { invitationId: a.invitation.id } })).toBe(0);
    expect(
      await adminDb.outboxEvent.count({ where: { tenantId: { in: [a.t.tenant.id, b.t.tenant.id] } } }),
    ).toBe(0);
  });

  it('both answer limits are counted in one call and either one refuses', async () => {
    const bucket = `test:${randomBytes(4).toString('hex')}`;
    expect(
      await rateLimits(
        [
          { bucket: `${bucket}:a`, limit: 2 },
          { bucket: `${bucket}:b`, limit: 1 },
        ],
        60,
      ),
    ).toBe(true);
    // b is now over its limit of 1; a is not.
    expect(
      await rateLimits(
        [
          { bucket: `${bucket}:a`, limit: 2 },
          { bucket: `${bucket}:b`, limit: 1 },
        ],
        60,
      ),
    ).toBe(false);
    expect(await rateLimits([{ bucket: `${bucket}:a`, limit: 5 }], 60)).toBe(true);
  });
});

describe('unsubscribe', () => {
  it('looks the token up once: POST does exactly what unsubscribe() does, GET one lookup', async () => {
    const { invitations } = await setup({ n: 2 });
    const [viaRoute, direct] = invitations as [(typeof invitations)[0], (typeof invitations)[0]];
    clearLookups();

    await unsubscribe(direct.token);
    const serviceLookups = tokenLookups().length;
    expect(serviceLookups).toBe(1);
    clearLookups();

    const res = await unsubPost(viaRoute.token);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect(tokenLookups().length).toBe(serviceLookups);
    clearLookups();

    expect((await unsubGet(viaRoute.token)).status).toBe(200);
    expect(tokenLookups().length).toBe(1);
    clearLookups();

    // Unknown: 404, nothing written.
    const unknown = newSurveyToken('zzzzzzzz').token;
    const notFound = await unsubPost(unknown);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('Deze link werkt niet');
  });

  it('still works after the survey link expired (60 days): the page and the one-click POST', async () => {
    const { t, contact, token } = await setup({ expiresAt: new Date(Date.now() - 86_400_000) });
    const page = await unsubGet(token);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      `Do you no longer want to receive surveys from ${t.tenant.senderName}?`,
    );
    // The survey itself is gone.
    expect((await post(token, { score: '9', comment: '' })).status).toBe(404);

    const res = await unsubPost(token);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    const after = await adminDb.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
    });
    expect(after.unsubscribedAt).toBeInstanceOf(Date);
  });
});
