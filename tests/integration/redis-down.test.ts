// Redis is unreachable in this file (a closed port): web requests must not block on it, the health
// check must say so, and the outbox keeps its events for later.
import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { GET as health } from '../../app/api/health/route';
import { adminDb } from '../support/db';
import { rateLimit } from '../../lib/http/rate-limit';
import { outboxRow } from '../../lib/queue/events';
import { relayOnce } from '../../lib/queue/relay';
import { submitAnswer } from '../../lib/responses/public';
import { registry } from '../../workers/registry';
import { makeContact, makeInvitation, makeSurvey, makeTenant, uid } from '../support/factories';

// Hoisted above the imports, so lib/env.ts sees the closed port on its first read.
vi.hoisted(() => {
  process.env.REDIS_URL = 'redis://127.0.0.1:1';
});

describe('with Redis down', () => {
  it('GET /api/health answers 503 naming Redis, while Postgres is fine', async () => {
    const res = await health(new NextRequest('http://localhost/api/health'), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { postgres: { ok: boolean }; redis: { ok: boolean } };
    expect(body.postgres.ok).toBe(true);
    expect(body.redis.ok).toBe(false);
  });

  it('the rate limit fails open quickly and an answer is still recorded', async () => {
    const started = Date.now();
    expect(await rateLimit(`test:${uid()}`, 1, 60)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
    const t = await makeTenant();
    const { survey } = await makeSurvey(t);
    const contact = await makeContact(t);
    const { token } = await makeInvitation(t, { surveyId: survey.id, contactId: contact.id });
    const r = await submitAnswer(token, { score: 9 });
    expect(r.created).toBe(true);
  });

  it('the relay fails without losing events: they stay unpublished for the next run', async () => {
    const t = await makeTenant();
    const e = outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: crypto.randomUUID() });
    await adminDb.outboxEvent.create({ data: { ...e, payload: e.payload as object } });
    const started = Date.now();
    await expect(relayOnce({ routes: registry.routes })).rejects.toThrow(/Redis/);
    expect(Date.now() - started).toBeLessThan(5_000); // fails fast instead of waiting on Redis
    const row = await adminDb.outboxEvent.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: e.id } },
    });
    expect(row.publishedAt).toBeNull();
  });
});
