// npm test: lint, type check, unit, integration (real Postgres + Redis), production build, e2e
// (Playwright in Debian's Chromium). Stops at the first failing step; ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
mkdirSync('test-results', { recursive: true });
const counts = { passed: 0, failed: 0 };

function run(title, cmd, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(
    `=== ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += j.numPassedTests;
  counts.failed += j.numFailedTests;
}

function finish(ok) {
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(ok ? 0 : 1);
}

if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error("Chromium is missing: apt-get install -y chromium (the e2e tests use Debian's build).");
  process.exit(1);
}

const vitest = (project) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=test-results/${project}.json`,
];

let ok = run('lint', 'npm', ['run', 'lint', '--silent']) && run('typecheck', 'npx', ['tsc', '--noEmit']);
if (ok) {
  ok = run('unit', 'npx', vitest('unit'));
  vitestCounts('test-results/unit.json');
}
if (ok) {
  ok = run('integration', 'npx', vitest('integration'));
  vitestCounts('test-results/integration.json');
}
if (ok) ok = run('build', 'npx', ['next', 'build']);
if (ok) {
  ok = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json',
  });
  if (existsSync('test-results/e2e.json')) {
    const s = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')).stats;
    counts.passed += s.expected;
    counts.failed += s.unexpected + (s.flaky ?? 0);
  }
}
finish(ok);
