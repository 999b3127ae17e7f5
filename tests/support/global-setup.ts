// Integration runs: a fresh Postgres database migrated from prisma/migrations, and a Redis key prefix
// of their own; both removed afterwards.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { applyMigrations, dropDatabase, ensureDatabase, withDatabase } from '../../scripts/schema-engine';

const BASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kringloop';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  const databaseUrl = withDatabase(BASE_URL, `kringloop_it_${run}`);
  const redisPrefix = `kltest-${run}`;
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisPrefix', redisPrefix);
  project.provide('redisUrl', REDIS_URL);

  return async () => {
    await dropDatabase(databaseUrl);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`{${redisPrefix}}*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    await redis.quit();
  };
}
