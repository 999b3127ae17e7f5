// npm run bench [-- <suite> ...]: speed figures on scratch databases and Redis prefixes, never part of
// npm test. No suite named: every suite, one by one. Each prints one JSON line and updates its table
// in docs/BENCHMARKS.md (date, machine, commit). BENCH_NO_DOCS=1 leaves the docs alone.
//
// HTTP suites run against the production build (built first when missing or stale), with the load
// generator in a process of its own, and pair every machine-dependent figure with a baseline run in
// the same session. In-process suites (services, rls) call the services directly.
import { spawnSync } from 'node:child_process';
import { buildIfNeeded } from '../scripts/build';

interface Suite {
  about: string;
  http: boolean;
  run: () => Promise<void>;
}

/** A suite that is its own script (it seeds, measures and prints by itself). */
const script = (file: string) => async () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${file} exited with ${r.status}`);
};

const SUITES: Record<string, Suite> = {
  answer: {
    about: 'answer POST: product vs node:http + pg baseline; p99 at an offered 100/s',
    http: true,
    run: async () => (await import('./suites/respondent')).answerSuite(),
  },
  survey: {
    about: 'survey page GET: product vs baseline',
    http: true,
    run: async () => (await import('./suites/respondent')).surveySuite(),
  },
  loop: {
    about: 'answer -> task -> alert email in an SMTP sink at an offered rate; web and worker RSS',
    http: true,
    run: async () => (await import('./suites/loop')).loopSuite(),
  },
  services: {
    about: 'in-process: submitAnswer, dashboard(), the outbox relay',
    http: false,
    run: script('bench/suites/services.ts'),
  },
  rls: {
    about: 'in-process: what row-level security costs the answer (before / tx / after)',
    http: false,
    run: script('bench/suites/rls.ts'),
  },
};

async function main() {
  const names = process.argv.slice(2).filter((a) => a !== '--');
  if (names.includes('help') || names.includes('--help')) {
    for (const [name, s] of Object.entries(SUITES)) console.log(`${name.padEnd(10)} ${s.about}`);
    return;
  }
  const unknown = names.filter((n) => !SUITES[n]);
  if (unknown.length) {
    console.error(`Unknown suite: ${unknown.join(', ')}. Suites: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  const chosen = names.length ? names : Object.keys(SUITES);
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (chosen.some((n) => SUITES[n]!.http)) buildIfNeeded();
  for (const name of chosen) {
    console.error(`\n== bench ${name}: ${SUITES[name]!.about}`);
    await SUITES[name]!.run();
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error(err);
    const { stopAll } = await import('./support/procs');
    await stopAll();
    process.exit(1);
  },
);
