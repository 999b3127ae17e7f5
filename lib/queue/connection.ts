import { Redis, type RedisOptions } from 'ioredis';
import { env } from '../env';

/**
 * Two kinds of Redis connection. The producer (web requests, the outbox relay) fails fast: with no
 * offline queue a Redis outage raises at once instead of blocking a request. Workers block on Redis by
 * design, so theirs retries forever (BullMQ requires maxRetriesPerRequest: null).
 */
const g = globalThis as unknown as { __kringloopRedis?: Redis };

export function producerRedis(): Redis {
  if (!g.__kringloopRedis) {
    g.__kringloopRedis = new Redis(env().REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      // Keep reconnecting in the background; commands fail fast meanwhile.
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    g.__kringloopRedis.on('error', () => {
      /* reported through failing commands and /api/health */
    });
  }
  return g.__kringloopRedis;
}

export function workerRedis(extra: RedisOptions = {}): Redis {
  return new Redis(env().REDIS_URL, { maxRetriesPerRequest: null, ...extra });
}

/** Queue key prefix. The braces are a Redis Cluster hash tag so one queue's keys share a slot. */
export function queuePrefix(): string {
  return `{${env().REDIS_PREFIX}}`;
}

export async function closeProducerRedis() {
  const r = g.__kringloopRedis;
  g.__kringloopRedis = undefined;
  if (r) await r.quit().catch(() => r.disconnect());
}

/** Waits until the producer connection is ready, up to `ms`; returns whether it is. */
export async function redisReady(ms = 1_500): Promise<boolean> {
  const r = producerRedis();
  if (r.status === 'ready') return true;
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      r.off('ready', ok);
      resolve(false);
    }, ms);
    const ok = () => {
      clearTimeout(t);
      resolve(true);
    };
    r.once('ready', ok);
  });
}
