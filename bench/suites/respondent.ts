// The respondent's two requests over real HTTP against the production build, each paired in the same
// run with the baseline server (bench/support/baseline-server.ts) doing the same reads and writes:
//   answer: POST /s/<token> (score + comment), 32 clients flat out, then an offered 100 answers/s;
//   survey: GET /s/<token>, 32 clients flat out.
// Rounds alternate the order (product, baseline / baseline, product) so both see the same machine;
// the medians of the rounds are reported.
import { load, startBaseline, startWeb, stop, type LoadResult, type Proc } from '../support/procs';
import { record, ms, ratio } from '../support/report';
import { scratch } from '../support/scratch';
import { seedWorld } from '../support/world';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const OFFERED = Number(process.env.BENCH_OFFERED ?? 100);
const PER_ROUND = Number(process.env.BENCH_TOKENS ?? Math.max(4_000, SECONDS * 1_200));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const paths = (tokens: string[]) => tokens.map((t) => `/s/${encodeURIComponent(t)}`);

function summary(runs: LoadResult[]) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    refused: runs.reduce((s, r) => s + r.non2xx + r.errors, 0),
    wrapped: runs.some((r) => r.wrapped),
  };
}

async function servers(env: NodeJS.ProcessEnv): Promise<{ product: Proc; baseline: Proc }> {
  const product = await startWeb(env);
  const baseline = await startBaseline(env);
  return { product, baseline };
}

export async function answerSuite() {
  const s = await scratch('answer');
  // Per target: a warm-up set, one set per round, one for the offered rate.
  const sizes = [
    500,
    500,
    ...Array.from({ length: ROUNDS * 2 }, () => PER_ROUND),
    OFFERED * SECONDS,
    OFFERED * SECONDS,
  ];
  const world = await seedWorld(s.url, sizes);
  const { product, baseline } = await servers(s.env);
  const targets = { product, baseline };
  const set = (i: number) => paths(world.tokens[i]!);
  try {
    const post = (url: string, p: string[], extra: object) =>
      load({
        kind: 'closed',
        url,
        method: 'POST',
        paths: p,
        headers: FORM,
        body: 'score=8&comment=Bench',
        seconds: SECONDS,
        connections: CONNECTIONS,
        ...extra,
      });
    await post(product.url!, set(0), { seconds: 3, connections: 8 });
    await post(baseline.url!, set(1), { seconds: 3, connections: 8 });
    const runs: Record<'product' | 'baseline', LoadResult[]> = { product: [], baseline: [] };
    let k = 2;
    for (let r = 0; r < ROUNDS; r++) {
      const order: ('product' | 'baseline')[] = r % 2 ? ['baseline', 'product'] : ['product', 'baseline'];
      for (const name of order) runs[name].push(await post(targets[name].url!, set(k++), {}));
    }
    const offered: Record<string, LoadResult> = {};
    for (const name of ['product', 'baseline'] as const) {
      offered[name] = await load({
        kind: 'open',
        url: targets[name].url!,
        method: 'POST',
        paths: set(k++),
        headers: FORM,
        body: 'score=8&comment=Bench',
        rate: OFFERED,
        seconds: SECONDS,
      });
    }
    const p = summary(runs.product);
    const b = summary(runs.baseline);
    record(
      'answer',
      {
        seconds: SECONDS,
        rounds: ROUNDS,
        connections: CONNECTIONS,
        product: p,
        baseline: b,
        ratio: p.perSecond / b.perSecond,
        offered: { rate: OFFERED, product: offered.product, baseline: offered.baseline },
      },
      {
        title: 'Answer POST',
        note: `POST /s/<token> with a score and a comment, every request a fresh invitation, ${CONNECTIONS} clients for ${SECONDS} s per round (median of ${ROUNDS} rounds, order alternating), then an offered ${OFFERED} answers/s for ${SECONDS} s. Baseline: node:http + pg + ioredis doing the same lookup, limits, write and page. Target: product >= 60 % of the baseline, p99 < 100 ms at the offered rate.`,
        columns: ['Product', 'Baseline', 'Ratio', `p99 at ${OFFERED}/s (product / baseline)`, 'Refused'],
        row: [
          `${p.perSecond}/s, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}`,
          `${b.perSecond}/s, p50 ${ms(b.p50)}, p99 ${ms(b.p99)}`,
          ratio(p.perSecond, b.perSecond),
          `${ms(offered.product!.p99)} / ${ms(offered.baseline!.p99)}`,
          String(p.refused + b.refused + offered.product!.non2xx + offered.baseline!.non2xx),
        ],
      },
    );
  } finally {
    await stop(product, baseline);
    await world.close();
    await s.drop();
  }
}

export async function surveySuite() {
  const s = await scratch('survey');
  const world = await seedWorld(s.url, [1_000]);
  const { product, baseline } = await servers(s.env);
  const targets = { product, baseline };
  const p0 = paths(world.tokens[0]!);
  try {
    const get = (url: string, extra: object = {}) =>
      load({
        kind: 'closed',
        url,
        method: 'GET',
        paths: p0,
        seconds: SECONDS,
        connections: CONNECTIONS,
        ...extra,
      });
    await get(product.url!, { seconds: 3, connections: 8 });
    await get(baseline.url!, { seconds: 3, connections: 8 });
    const runs: Record<'product' | 'baseline', LoadResult[]> = { product: [], baseline: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order: ('product' | 'baseline')[] = r % 2 ? ['baseline', 'product'] : ['product', 'baseline'];
      for (const name of order) runs[name].push(await get(targets[name].url!));
    }
    const p = summary(runs.product);
    const b = summary(runs.baseline);
    record(
      'survey',
      {
        seconds: SECONDS,
        rounds: ROUNDS,
        connections: CONNECTIONS,
        product: p,
        baseline: b,
        ratio: p.perSecond / b.perSecond,
      },
      {
        title: 'Survey page GET',
        note: `GET /s/<token> (the survey page, 1,000 live invitations in turn), ${CONNECTIONS} clients for ${SECONDS} s per round (median of ${ROUNDS} rounds, order alternating). Baseline: node:http + pg doing the same lookup and rendering the same page. Target: product >= 60 % of the baseline.`,
        columns: ['Product', 'Baseline', 'Ratio', 'Refused'],
        row: [
          `${p.perSecond}/s, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}`,
          `${b.perSecond}/s, p50 ${ms(b.p50)}, p99 ${ms(b.p99)}`,
          ratio(p.perSecond, b.perSecond),
          String(p.refused + b.refused),
        ],
      },
    );
  } finally {
    await stop(product, baseline);
    await world.close();
    await s.drop();
  }
}
