// The production build, made only when it is missing or older than a source file. Used by the demo
// and the benchmarks (both run `next start` on it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `.next` holds a build newer than every file of app/, components/, lib/ and public/. */
export function buildIsCurrent(): boolean {
  const id = '.next/BUILD_ID';
  const built = existsSync(id) ? statSync(id).mtimeMs : 0;
  const sources = Math.max(
    ...['app', 'components', 'lib', 'public', 'proxy.ts']
      .filter(existsSync)
      .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  return built > sources;
}

/** Builds when there is no production build or a source file is newer than it; exits on failure. */
export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env) {
  if (buildIsCurrent()) return;
  console.log('Building the web app (about a minute the first time)…');
  const r = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
