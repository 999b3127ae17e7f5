import { producerRedis, queuePrefix } from '../queue/connection';
import { logger } from '../log';

/**
 * Fixed-window rate limit in Redis. Fails open: when Redis is down the public survey keeps working
 * (an answer matters more than the limit), and the outage shows in /api/health.
 */
export async function rateLimit(bucket: string, limit: number, windowSeconds: number): Promise<boolean> {
  const key = `${queuePrefix()}:rl:${bucket}:${Math.floor(Date.now() / 1000 / windowSeconds)}`;
  try {
    const r = producerRedis();
    const [[, count]] = (await r.multi().incr(key).expire(key, windowSeconds).exec()) as [
      [Error | null, number],
    ];
    return count <= limit;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'rate limit unavailable; allowing request');
    return true;
  }
}

/** The client address as the proxy in front of us reports it (first hop), else a constant. */
export function clientIp(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'local';
}
