// npm run bench -- rls: what row-level security costs the respondent's answer (lib/responses/public.ts),
// measured in one run on one scratch database, three ways, interleaved round by round:
//   before  the two statements as the owner (a superuser: no policies), no transaction: the answer
//           path as it was before row-level security
//   tx      the same statements in the shape RLS needs (the write in a transaction that sets
//           app.tenant_id first), still as the owner: the cost of the transaction alone
//   after   submitAnswer() itself: token routing as kringloop_system, the write in withTenant as
//           kringloop_app, policies evaluated
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

const PER_ROUND = Number(process.env.BENCH_ANSWERS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

const run = randomBytes(3).toString('hex');
const url = withDatabase(databaseUrl(), `kringloop_bench_${run}`);
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL = 'silent';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  await ensureDatabase(url);
  await applyMigrations(url);
  const owner = (await import('../../scripts/owner-db')).ownerDb(url, 10);
  const { disconnectDb } = await import('../../lib/db');
  const { uuidv7 } = await import('uuidv7');
  const { newRoutingKey } = await import('../../lib/tenancy/service');
  const { DEFAULT_TEXTS } = await import('../../lib/surveys/schemas');
  const { newSurveyToken } = await import('../../lib/distribution/tokens');
  const { submitAnswer, answerInternals: I } = await import('../../lib/responses/public');
  type Found = Parameters<typeof I.answerSql>[0];

  const tenant = await owner.tenant.create({
    data: { name: 'Bench', slug: `bench-${run}`, senderName: 'Bench', routingKey: newRoutingKey() },
  });
  const tenantId = tenant.id;
  const tp = await owner.touchpoint.create({ data: { tenantId, name: 'TP', phase: 'SUPPORT' } });
  const survey = await owner.survey.create({
    data: { tenantId, touchpointId: tp.id, name: 'NPS', status: 'ACTIVE', texts: DEFAULT_TEXTS },
  });
  const contacts = Array.from({ length: 1000 }, (_, i) => ({
    tenantId,
    id: uuidv7(),
    email: `c${i}@bench.example`,
  }));
  await owner.contact.createMany({ data: contacts });
  const total = (PER_ROUND * ROUNDS + CONCURRENCY) * 3; // the rounds, and a warm-up per variant
  const tokens: string[] = [];
  const invs = [];
  for (let i = 0; i < total; i++) {
    const { token, hash } = newSurveyToken(tenant.routingKey);
    tokens.push(token);
    invs.push({
      tenantId,
      id: uuidv7(),
      surveyId: survey.id,
      contactId: contacts[i % contacts.length]!.id,
      tokenHash: hash,
      locale: 'en' as const,
      status: 'SENT' as const,
      sentAt: new Date(),
    });
  }
  for (let i = 0; i < invs.length; i += 5000)
    await owner.invitation.createMany({ data: invs.slice(i, i + 5000) });
  await owner.$executeRawUnsafe('ANALYZE');

  const input = { score: 8, comment: 'bench' };
  const lookup = (token: string) => I.lookupSql(I.parseSurveyToken(token)!, false);
  const variants: Record<string, (token: string) => Promise<unknown>> = {
    before: async (token) => {
      const [found] = await owner.$queryRaw<Found[]>(lookup(token));
      await owner.$queryRaw(I.answerSql(found!, input));
    },
    tx: async (token) => {
      const [found] = await owner.$queryRaw<Found[]>(lookup(token));
      await owner.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
        return tx.$queryRaw(I.answerSql(found!, input));
      });
    },
    after: (token) => submitAnswer(token, input),
  };
  // Warm every pool and code path before measuring.
  for (const v of Object.values(variants)) for (let i = 0; i < CONCURRENCY; i++) await v(tokens.pop()!);

  const lat: Record<string, number[]> = { before: [], tx: [], after: [] };
  const rates: Record<string, number[]> = { before: [], tx: [], after: [] };
  const names = Object.keys(variants);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order, so no variant always runs first (or right after another's writes).
    for (const name of [...names.slice(round % 3), ...names.slice(0, round % 3)]) {
      const batch = tokens.splice(0, PER_ROUND);
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < batch.length) {
            const token = batch[next++]!;
            const s = performance.now();
            await variants[name]!(token);
            lat[name]!.push(performance.now() - s);
          }
        }),
      );
      rates[name]!.push(batch.length / ((performance.now() - t0) / 1000));
    }
  }
  const answered = await owner.response.count({ where: { tenantId } });

  console.log(
    `\nanswer path, ${ROUNDS} interleaved rounds x ${PER_ROUND} answers per variant, concurrency ${CONCURRENCY} (${answered} responses written)`,
  );
  for (const name of names) {
    const r = rates[name]!;
    console.log(
      `${name.padEnd(7)} median ${pct(r, 50).toFixed(0)} answers/s (rounds ${Math.min(...r).toFixed(0)}-${Math.max(...r).toFixed(0)}), ` +
        `p50 ${pct(lat[name]!, 50).toFixed(1)} ms, p95 ${pct(lat[name]!, 95).toFixed(1)} ms, p99 ${pct(lat[name]!, 99).toFixed(1)} ms`,
    );
  }
  await owner.$disconnect();
  await disconnectDb();
  await dropDatabase(url);
}

main().catch(async (err) => {
  console.error(err);
  await dropDatabase(url).catch(() => undefined);
  process.exit(1);
});
