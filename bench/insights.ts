// npm run bench:insights: the dashboard service at scale, on a scratch database (never in npm test).
//   BENCH_INSIGHTS_RESPONSES (default 1,000,000) answers over two years in one tenant, written
//   straight in SQL (generate_series), then ANALYZE; 5,000 companies, 20 account managers, 8 business
//   units, 5 regions, 5 touchpoints. Measures: the rollup rebuild, dashboard() p50/p95 (default view,
//   filtered, weekly over 5 years) from the rollups and, for contrast, from raw rows only.
//   Figures go to docs/BENCHMARKS.md by hand.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  applyMigrations,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from '../scripts/schema-engine';

const RESPONSES = Number(process.env.BENCH_INSIGHTS_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 40);
const COMPANIES = 5_000;
const CHUNK = 250_000;

const run = randomBytes(3).toString('hex');
const url = withDatabase(databaseUrl(), `kringloop_bench_${run}`);
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL = 'silent';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main() {
  await ensureDatabase(url);
  await applyMigrations(url);
  const db = (await import('../scripts/owner-db')).ownerDb(url);
  const { disconnectDb } = await import('../lib/db');
  const { newRoutingKey } = await import('../lib/tenancy/service');
  const { DEFAULT_TEXTS } = await import('../lib/surveys/schemas');
  const { dashboard } = await import('../lib/insights/dashboard');
  const { rebuild } = await import('../lib/insights/rollup');

  const tenant = await db.tenant.create({
    data: { name: 'Bench', slug: `bench-${run}`, senderName: 'Bench', routingKey: newRoutingKey() },
  });
  const tenantId = tenant.id;
  const user = await db.user.create({ data: { email: `bench-${run}@bench.example` } });
  const viewer = await db.membership.create({ data: { tenantId, userId: user.id, role: 'VIEWER' } });
  const ctx = {
    tenantId,
    userId: user.id,
    membershipId: viewer.id,
    role: 'VIEWER' as const,
    locale: 'en' as const,
  };
  const phases = ['SALES', 'IMPLEMENTATION', 'GO_LIVE', 'ACCOUNT_MANAGEMENT', 'SUPPORT'] as const;
  for (const [i, phase] of phases.entries()) {
    const tp = await db.touchpoint.create({ data: { tenantId, name: `TP ${i}`, phase } });
    await db.survey.create({
      data: { tenantId, touchpointId: tp.id, name: tp.name, status: 'ACTIVE', texts: DEFAULT_TEXTS },
    });
  }
  const bus = [];
  for (let i = 0; i < 8; i++) bus.push(await db.businessUnit.create({ data: { tenantId, name: `BU ${i}` } }));
  const ams = [];
  for (let i = 0; i < 20; i++) {
    const u = await db.user.create({ data: { email: `am${i}-${run}@bench.example`, name: `AM ${i}` } });
    ams.push(await db.membership.create({ data: { tenantId, userId: u.id, role: 'ACCOUNT_MANAGER' } }));
  }
  const s0 = performance.now();
  // Companies: an account manager's companies share a business unit and region (20 segments).
  await db.$executeRawUnsafe(`
    INSERT INTO "Company" ("tenantId", "id", "name", "ownerMembershipId", "businessUnitId", "region",
                           "yearlyRevenue", "createdAt", "updatedAt")
    SELECT '${tenantId}'::uuid, kringloop_uuidv7(), 'Company ' || g, (m.ids)[1 + g % 20], (b.ids)[1 + (g % 20) % 8],
           'Region ' || ((g % 20) % 5), (10000 + random() * 990000)::numeric(16, 2), now(), now()
    FROM generate_series(1, ${COMPANIES}) g,
         (SELECT array_agg("id" ORDER BY "createdAt", "id") AS ids FROM "Membership"
            WHERE "tenantId" = '${tenantId}' AND "role" = 'ACCOUNT_MANAGER') m,
         (SELECT array_agg("id" ORDER BY "name") AS ids FROM "BusinessUnit" WHERE "tenantId" = '${tenantId}') b`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Contact" ("tenantId", "id", "companyId", "email", "createdAt", "updatedAt")
    SELECT c."tenantId", kringloop_uuidv7(), c."id", 'c' || row_number() OVER () || '@bench.example', now(), now()
    FROM "Company" c WHERE c."tenantId" = '${tenantId}'`);
  // Answers over two years, in chunks: an invitation and a response each, scores leaning high.
  for (let done = 0; done < RESPONSES; done += CHUNK) {
    const n = Math.min(CHUNK, RESPONSES - done);
    for (const sql of [
      `DROP TABLE IF EXISTS gen`,
      `
        CREATE UNLOGGED TABLE gen AS
        SELECT kringloop_uuidv7() AS inv, kringloop_uuidv7() AS resp, s."id" AS "surveyId", s."touchpointId",
               ct."id" AS "contactId", ct."companyId",
               LEAST(10, floor(random() * 8 + random() * 4))::int AS score,
               now() - random() * interval '730 days' AS at
        FROM generate_series(1, ${n}) g
        JOIN LATERAL (SELECT 1 + floor(random() * 5)::int AS si, 1 + floor(random() * ${COMPANIES})::int AS ci
                      WHERE g > 0) r ON true
        JOIN (SELECT row_number() OVER (ORDER BY "id") AS i, "id", "touchpointId" FROM "Survey"
              WHERE "tenantId" = '${tenantId}') s ON s.i = r.si
        JOIN (SELECT row_number() OVER (ORDER BY "id") AS i, "id", "companyId" FROM "Contact"
              WHERE "tenantId" = '${tenantId}') ct ON ct.i = r.ci`,
      `
        INSERT INTO "Invitation" ("tenantId", "id", "surveyId", "contactId", "companyId", "locale", "status",
                                  "attempts", "createdAt", "sentAt", "respondedAt")
        SELECT '${tenantId}', inv, "surveyId", "contactId", "companyId", 'en', 'SENT', 1, at, at, at FROM gen`,
      `
        INSERT INTO "Response" ("tenantId", "id", "invitationId", "surveyId", "touchpointId", "contactId",
                                "companyId", "score", "category", "comment", "locale", "submittedAt", "updatedAt")
        SELECT '${tenantId}', resp, inv, "surveyId", "touchpointId", "contactId", "companyId", score,
               (CASE WHEN score >= 9 THEN 'PROMOTER' WHEN score >= 7 THEN 'PASSIVE' ELSE 'DETRACTOR' END)::"NpsCategory",
               CASE WHEN random() < 0.2 THEN 'Comment ' || score END, 'en', at, at
        FROM gen`,
      `DROP TABLE gen`,
    ])
      await db.$executeRawUnsafe(sql);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
  const seedSecs = (performance.now() - s0) / 1000;

  const r0 = performance.now();
  const rebuilt = await rebuild(tenantId);
  const rebuildSecs = (performance.now() - r0) / 1000;
  await db.$executeRawUnsafe(`ANALYZE "InsightDaily"`);

  const bu = bus[3]!.id;
  const am = ams[7]!.id;
  const today = new Date().toISOString().slice(0, 10);
  const fiveYears = `${Number(today.slice(0, 4)) - 4}-01-01`;
  const views: [string, Parameters<typeof dashboard>[1]][] = [
    ['default (12 months, monthly, vs previous)', {}],
    [
      'filtered (business unit + account manager, vs last year)',
      { businessUnitId: bu, ownerMembershipId: am, compare: 'lastYear' },
    ],
    ['weekly over 5 years, region', { from: fiveYears, to: today, granularity: 'week', region: 'Region 2' }],
  ];
  const measure = async (f: Parameters<typeof dashboard>[1]) => {
    await dashboard(ctx, f); // warm
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await dashboard(ctx, f);
      xs.push(performance.now() - s);
    }
    return `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms`;
  };
  const lines: string[] = [];
  for (const [name, f] of views) lines.push(`dashboard() rollups, ${name}: ${await measure(f)}`);
  // For contrast: the same service reading raw rows only (as if no rollups existed).
  await db.tenant.update({ where: { id: tenantId }, data: { insightsClosedThrough: null } });
  const saved = RUNS;
  lines.push(
    `dashboard() raw rows only, default: ${await (async () => {
      const xs: number[] = [];
      for (let i = 0; i < Math.min(saved, 10); i++) {
        const s = performance.now();
        await dashboard(ctx, {});
        xs.push(performance.now() - s);
      }
      return `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms (${xs.length} runs)`;
    })()}`,
  );
  const rollupRows = await db.insightDaily.count({ where: { tenantId } });

  console.log(`
insights bench: ${RESPONSES.toLocaleString('en')} answers, ${COMPANIES} companies, seeded in ${seedSecs.toFixed(0)} s
rebuild: ${rebuilt.rows} rollup rows (${rollupRows} now) in ${rebuildSecs.toFixed(1)} s
${lines.join('\n')}`);

  await db.$disconnect();
  await disconnectDb();
  if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
  else await dropDatabase(url);
}

main().catch(async (err) => {
  console.error(err);
  await dropDatabase(url).catch(() => undefined);
  process.exit(1);
});
