// npm run bench -- services: in-process speed figures on a scratch database (never part of npm test).
//   1. submitAnswer: concurrent answers on distinct invitations (the respondent's hot path)
//   2. dashboard(): a tenant with BENCH_RESPONSES answers over a year
//   3. outbox relay: events moved to BullMQ per second
// Figures go to docs/BENCHMARKS.md by hand, with the machine they ran on.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  applyMigrations,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from '../../scripts/schema-engine';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 50_000);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);

const run = randomBytes(3).toString('hex');
const url = withDatabase(databaseUrl(), `kringloop_bench_${run}`);
process.env.DATABASE_URL = url;
process.env.REDIS_PREFIX = `klbench-${run}`;
process.env.LOG_LEVEL = 'silent';

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  await ensureDatabase(url);
  await applyMigrations(url);
  // Seeding as the owner (row-level security does not apply); the measured code runs as the app roles.
  const db = (await import('../../scripts/owner-db')).ownerDb(url);
  const { disconnectDb } = await import('../../lib/db');
  const { uuidv7 } = await import('uuidv7');
  const { newRoutingKey } = await import('../../lib/tenancy/service');
  const { DEFAULT_TEXTS } = await import('../../lib/surveys/schemas');
  const { newSurveyToken } = await import('../../lib/distribution/tokens');
  const { submitAnswer } = await import('../../lib/responses/public');
  const { dashboard } = await import('../../lib/insights/dashboard');
  const { relayOnce } = await import('../../lib/queue/relay');
  const { registry } = await import('../../workers/registry');
  const { outboxRow } = await import('../../lib/queue/events');
  const { closeQueues } = await import('../../lib/queue/queues');
  const { closeProducerRedis } = await import('../../lib/queue/connection');

  const tenant = await db.tenant.create({
    data: { name: 'Bench', slug: `bench-${run}`, senderName: 'Bench', routingKey: newRoutingKey() },
  });
  const tenantId = tenant.id;
  const user = await db.user.create({ data: { email: `bench-${run}@bench.example` } });
  const m = await db.membership.create({ data: { tenantId, userId: user.id, role: 'ADMIN' } });
  const ctx = {
    tenantId,
    userId: user.id,
    membershipId: m.id,
    role: 'ADMIN' as const,
    locale: 'en' as const,
  };
  const tps = await Promise.all(
    ['SALES', 'IMPLEMENTATION', 'GO_LIVE', 'ACCOUNT_MANAGEMENT', 'SUPPORT'].map((phase, i) =>
      db.touchpoint.create({ data: { tenantId, name: `TP ${i}`, phase: phase as 'SALES' } }),
    ),
  );
  const surveys = await Promise.all(
    tps.map((t) =>
      db.survey.create({
        data: { tenantId, touchpointId: t.id, name: t.name, status: 'ACTIVE', texts: DEFAULT_TEXTS },
      }),
    ),
  );
  const contacts = Array.from({ length: 1000 }, (_, i) => ({
    tenantId,
    id: uuidv7(),
    email: `c${i}@bench.example`,
  }));
  await db.contact.createMany({ data: contacts });

  // Historic answers for the dashboard.
  const year = 365 * 24 * 3600 * 1000;
  for (let done = 0; done < RESPONSES; done += 5000) {
    const n = Math.min(5000, RESPONSES - done);
    const invs = [];
    const resps = [];
    for (let i = 0; i < n; i++) {
      const s = surveys[i % surveys.length]!;
      const invId = uuidv7();
      const score = Math.floor(Math.random() * 11);
      const at = new Date(Date.now() - Math.random() * year);
      invs.push({
        tenantId,
        id: invId,
        surveyId: s.id,
        contactId: contacts[i % contacts.length]!.id,
        locale: 'en' as const,
        status: 'SENT' as const,
        sentAt: at,
      });
      resps.push({
        tenantId,
        id: uuidv7(),
        invitationId: invId,
        surveyId: s.id,
        touchpointId: s.touchpointId,
        contactId: contacts[i % contacts.length]!.id,
        score,
        category: (score >= 9 ? 'PROMOTER' : score >= 7 ? 'PASSIVE' : 'DETRACTOR') as 'PROMOTER',
        locale: 'en' as const,
        submittedAt: at,
      });
    }
    await db.invitation.createMany({ data: invs });
    await db.response.createMany({ data: resps });
  }

  // 1. Answers.
  const tokens: string[] = [];
  const invs = [];
  for (let i = 0; i < ANSWERS; i++) {
    const { token, hash } = newSurveyToken(tenant.routingKey);
    tokens.push(token);
    invs.push({
      tenantId,
      id: uuidv7(),
      surveyId: surveys[0]!.id,
      contactId: contacts[i % contacts.length]!.id,
      tokenHash: hash,
      locale: 'en' as const,
      status: 'SENT' as const,
      sentAt: new Date(),
    });
  }
  await db.invitation.createMany({ data: invs });
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        const s = performance.now();
        await submitAnswer(token, { score: 8, comment: 'bench' });
        lat.push(performance.now() - s);
      }
    }),
  );
  const answerSecs = (performance.now() - t0) / 1000;

  // 2. Dashboard.
  const dash: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    await dashboard(ctx);
    dash.push(performance.now() - s);
  }

  // 3. Relay (the answers above wrote one event each; add more).
  const events = Array.from({ length: EVENTS }, () =>
    outboxRow('response.submitted', { tenantId, responseId: uuidv7() }),
  );
  await db.outboxEvent.createMany({ data: events.map((e) => ({ ...e, payload: e.payload as object })) });
  const pending = await db.outboxEvent.count({ where: { publishedAt: null } });
  const r0 = performance.now();
  while ((await relayOnce({ routes: registry.routes, batchSize: 500 })) > 0);
  const relaySecs = (performance.now() - r0) / 1000;

  console.log(`
submitAnswer: ${ANSWERS} answers, concurrency ${CONCURRENCY}: ${(ANSWERS / answerSecs).toFixed(0)}/s, p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms
dashboard(): ${RESPONSES + ANSWERS} responses, 10 runs: p50 ${pct(dash, 50).toFixed(0)} ms, max ${Math.max(...dash).toFixed(0)} ms
outbox relay: ${pending} events in ${relaySecs.toFixed(2)} s = ${(pending / relaySecs).toFixed(0)} events/s`);

  await closeQueues();
  await closeProducerRedis();
  await db.$disconnect();
  await disconnectDb();
  const { Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`{klbench-${run}}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await dropDatabase(url);
}

main().catch(async (err) => {
  console.error(err);
  await dropDatabase(url).catch(() => undefined);
  process.exit(1);
});
