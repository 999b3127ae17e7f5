// The processes a suite measures: the production web server, the worker, the baseline server, and
// the load generator, each in a process group of its own (stopped as a group).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGroup, stopGroups, waitForHealth } from '../../scripts/processes';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  url?: string;
}

const started: ChildProcess[] = [];

function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = startGroup(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  started.push(child);
  return child;
}

/** `next start` on the production build, listening on 127.0.0.1 only. */
export async function startWeb(env: NodeJS.ProcessEnv): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    { ...env, APP_URL: url, PORT: String(port) },
  );
  await waitForHealth(url, [child]);
  return { child, url };
}

export function startWorker(env: NodeJS.ProcessEnv): Proc {
  return { child: spawnNode(['--import', 'tsx', 'workers/index.ts'], env) };
}

/** bench/support/baseline-server.ts: node:http + pg doing the product's reads and writes. */
export async function startBaseline(env: NodeJS.ProcessEnv): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(['--import', 'tsx', 'bench/support/baseline-server.ts'], {
    ...env,
    BASELINE_PORT: String(port),
  });
  await waitForHealth(url, [child]);
  return { child, url };
}

export async function stop(...procs: (Proc | undefined)[]) {
  await stopGroups(procs.filter((p): p is Proc => !!p).map((p) => p.child));
}

export async function stopAll() {
  await stopGroups(started);
}

/** Resident memory of a process group in MB (a server and anything it started). */
export function rssMB(p: Proc): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(p.child.pid)], { encoding: 'utf8' });
    return Math.round(out.split('\n').reduce((s, l) => s + (Number(l.trim()) || 0), 0) / 1024);
  } catch {
    return 0;
  }
}

export interface LoadPlan {
  kind: 'closed' | 'open';
  url: string;
  method: 'GET' | 'POST';
  paths: string[];
  headers?: Record<string, string>;
  body?: string;
  bodyOf?: string[];
  /** closed */
  connections?: number;
  overallRate?: number;
  /** open */
  rate?: number;
  seconds: number;
  recordsFile?: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  ok: number;
  non2xx: number;
  errors: number;
  wrapped: boolean;
}

/** Runs bench/support/load-child.mjs with the plan; resolves with its figures. */
export async function load(plan: LoadPlan): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'klbench-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/support/load-child.mjs', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      } catch (err) {
        reject(err as Error);
      }
    });
  });
}
