// A scratch world per suite: its own database (migrated) and Redis key prefix, removed afterwards.
import { randomBytes } from 'node:crypto';
import {
  applyMigrations,
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  withDatabase,
} from '../../scripts/schema-engine';

export interface Scratch {
  run: string;
  url: string;
  prefix: string;
  /** The environment for every process of this suite (web, worker, baseline, the harness itself). */
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

export async function scratch(suite: string): Promise<Scratch> {
  const run = `${suite}_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(databaseUrl(), `kringloop_bench_${run}`);
  const prefix = `klbench-${run}`;
  await ensureDatabase(url);
  await applyMigrations(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    DATABASE_APP_URL: undefined,
    DATABASE_SYSTEM_URL: undefined,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  // The harness itself imports lib/ (seeding helpers, token parsing): same world.
  Object.assign(process.env, { DATABASE_URL: url, REDIS_PREFIX: prefix, LOG_LEVEL: env.LOG_LEVEL });
  return {
    run,
    url,
    prefix,
    env,
    async drop() {
      const { Redis } = await import('ioredis');
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`{${prefix}}*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
      await redis.quit();
      await dropDatabase(url);
    },
  };
}
