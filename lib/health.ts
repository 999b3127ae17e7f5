import { db } from './db';
import { producerRedis, redisReady } from './queue/connection';

export interface Health {
  ok: boolean;
  postgres: { ok: boolean; ms?: number; error?: string };
  redis: { ok: boolean; ms?: number; error?: string };
}

async function timed(fn: () => Promise<unknown>, ms: number) {
  const start = Date.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms)),
    ]);
    return { ok: true, ms: Date.now() - start };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** The state of Postgres and Redis, each checked with a timeout (Postgres gets 5 s: a cold pool on a
 * loaded machine needs more than 2 s for its first connection, and a false "down" restarts a healthy web). */
export async function health(): Promise<Health> {
  const [postgres, redis] = await Promise.all([
    timed(() => db.$queryRaw`SELECT 1`, 5_000),
    timed(async () => {
      if (!(await redisReady(1_500))) throw new Error('not connected');
      await producerRedis().ping();
    }, 2_000),
  ]);
  return { ok: postgres.ok && redis.ok, postgres, redis };
}
