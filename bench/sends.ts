// npm run bench:sends: the skip preview and invitation creation on a large audience, on a scratch
// database (never part of npm test). Figures go to docs/BENCHMARKS.md by hand.
//   1. previewSend over BENCH_SEND_CONTACTS contacts (default 100,000): median and worst of 5 runs
//   2. sendSurvey (confirm) + createInvitations in batches: time, invitations per second, RSS
// The audience: 5 contacts per company, 1 in 50 companies inactive, some unsubscribed and bounced,
// 1 in 10 contacts invited 10 days ago (rest period), the account rule at its default (1 per 30 days).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  applyMigrations,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from '../scripts/schema-engine';

const N = Number(process.env.BENCH_SEND_CONTACTS ?? 100_000);
const run = randomBytes(3).toString('hex');
const url = withDatabase(databaseUrl(), `kringloop_bench_${run}`);
process.env.DATABASE_URL = url;
process.env.REDIS_PREFIX = `klbench-${run}`;
process.env.LOG_LEVEL = 'silent';

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

async function main() {
  await ensureDatabase(url);
  await applyMigrations(url);
  const db = (await import('../scripts/owner-db')).ownerDb(url);
  const { disconnectDb } = await import('../lib/db');
  const { newRoutingKey } = await import('../lib/tenancy/service');
  const { DEFAULT_TEXTS } = await import('../lib/surveys/schemas');
  const { previewSend } = await import('../lib/distribution/preview');
  const { sendSurvey } = await import('../lib/distribution/distribute');
  const { createInvitations } = await import('../lib/distribution/create');

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
  const tp = await db.touchpoint.create({ data: { tenantId, name: 'Support', phase: 'SUPPORT' } });
  const survey = await db.survey.create({
    data: { tenantId, touchpointId: tp.id, name: 'NPS', status: 'ACTIVE', texts: DEFAULT_TEXTS },
  });

  const t0 = performance.now();
  const companies = Math.ceil(N / 5);
  await db.$executeRawUnsafe(
    `INSERT INTO "Company" ("tenantId","id","name","active","updatedAt")
     SELECT $1::uuid, kringloop_uuidv7(), 'Company ' || g, g % 50 <> 0, now() FROM generate_series(1, $2::int) g`,
    tenantId,
    companies,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Contact" ("tenantId","id","companyId","email","unsubscribedAt","bouncedAt","updatedAt")
     SELECT $1::uuid, kringloop_uuidv7(), co."id", 'c' || g || '@bench.example',
            CASE WHEN g % 37 = 0 THEN now() END, CASE WHEN g % 41 = 0 THEN now() END, now()
     FROM generate_series(1, $2::int) g
     JOIN (SELECT "id", row_number() OVER (ORDER BY "id") AS rn FROM "Company" WHERE "tenantId" = $1::uuid) co
       ON co.rn = (g % $3::int) + 1`,
    tenantId,
    N,
    companies,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Invitation" ("tenantId","id","surveyId","contactId","companyId","locale","status","createdAt","sentAt")
     SELECT c."tenantId", kringloop_uuidv7(), $2::uuid, c."id", c."companyId", 'en', 'SENT',
            now() - interval '10 days', now() - interval '10 days'
     FROM (SELECT *, row_number() OVER (ORDER BY "id") AS rn FROM "Contact" WHERE "tenantId" = $1::uuid) c
     WHERE c.rn % 10 = 0`,
    tenantId,
    survey.id,
  );
  await db.$executeRawUnsafe('ANALYZE');
  console.log(`seeded ${N} contacts in ${companies} companies in ${Math.round(performance.now() - t0)} ms`);

  const input = { surveyId: survey.id, audience: { type: 'all' as const } };
  if (process.env.BENCH_EXPLAIN) {
    const { Prisma } = await import('../lib/db');
    const { evaluateAudience } = await import('../lib/distribution/fatigue');
    const ev = evaluateAudience({ tenantId, where: Prisma.sql`TRUE`, rules: tenant, now: new Date() });
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) SELECT e.reason, count(*) FROM ${ev} e GROUP BY e.reason`,
      );
    });
    console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    if (process.env.BENCH_EXPLAIN === 'only') {
      await db.$disconnect();
      await disconnectDb();
      await dropDatabase(url);
      process.exit(0);
    }
  }
  const times: number[] = [];
  let preview = await previewSend(ctx, input);
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    preview = await previewSend(ctx, input);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(
    `skip preview of ${N} contacts: median ${Math.round(times[2]!)} ms, worst ${Math.round(times[4]!)} ms ` +
      `(invite ${preview.invite}, skipped ${JSON.stringify(preview.skipped)})`,
  );

  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const probe = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 100);
  const s = performance.now();
  const summary = await sendSurvey(ctx, { ...input, expectInvite: preview.invite });
  const confirmed = performance.now() - s;
  await createInvitations({ tenantId, distributionId: summary.distributionId });
  const created = performance.now() - s;
  clearInterval(probe);
  const made = await db.invitation.count({ where: { tenantId, distributionId: summary.distributionId } });
  console.log(
    `send of ${N} contacts: confirm ${Math.round(confirmed)} ms, all ${made} invitations (and ` +
      `${preview.invite} outbox events) created in ${Math.round(created)} ms ` +
      `(${Math.round(made / (created / 1000))}/s); RSS ${mb(rssBefore)} before, ${mb(rssMax)} at most`,
  );

  await db.$disconnect();
  await disconnectDb();
  await dropDatabase(url);
  process.exit(0);
}

main().catch(async (err) => {
  console.error(err);
  await dropDatabase(url).catch(() => undefined);
  process.exit(1);
});
