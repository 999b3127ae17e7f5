// Real worker processes for integration tests: `npm run worker` as the product runs it, against the
// test database, a prefix of its own in Redis and a given SMTP sink; SIGKILL at a chosen moment.
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { SmtpSink } from '../../lib/mail/sink';
import { startGroup, stopGroups } from '../../scripts/processes';
import { uid } from './factories';

export interface WorkerHarness {
  /** A Redis prefix of its own (removed by `close`), for the workers of one test. */
  prefix(label: string): string;
  start(sink: SmtpSink, prefix: string, extra?: Record<string, string>): ChildProcess;
  /** Stops every worker started so far (SIGTERM, then SIGKILL after 5 s). */
  stopAll(): Promise<void>;
  /** Stops the workers and removes their Redis keys: call in afterAll. */
  close(): Promise<void>;
}

export function workerHarness(): WorkerHarness {
  const prefixes: string[] = [];
  const children: ChildProcess[] = [];
  return {
    prefix(label) {
      const p = `${inject('redisPrefix')}-${label}-${uid()}`;
      prefixes.push(p);
      return p;
    },
    start(sink, prefix, extra = {}) {
      const child = startGroup('npx', ['tsx', 'workers/index.ts'], {
        env: {
          ...process.env,
          REDIS_PREFIX: prefix,
          SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
          LOG_LEVEL: process.env.KILL_TEST_LOG ?? 'warn',
          // Seconds instead of minutes, so the restarted worker takes over the killed one's work quickly.
          MAIL_LEASE_SECONDS: '8',
          WORKER_STALLED_SECONDS: '8',
          ...extra,
        },
        stdio: ['ignore', process.env.KILL_TEST_LOG ? 'inherit' : 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    },
    stopAll: () => stopGroups(children, 5_000),
    async close() {
      await stopGroups(children, 5_000);
      const redis = new Redis(inject('redisUrl'));
      for (const p of prefixes) {
        const keys = await redis.keys(`{${p}}*`);
        for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
      }
      await redis.quit();
    },
  };
}

/** SIGKILLs the worker's process group and resolves once it is gone. */
export function killNow(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

/** Polls `check` until it is true; fails after `ms` (a deadline, not a timed assertion). */
export async function until(what: string, check: () => Promise<boolean>, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
