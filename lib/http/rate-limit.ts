import { producerRedis, queuePrefix } from '../queue/connection';
import { logger } from '../log';

/**
 * Fixed-window rate limits in Redis, all counted in one round trip (one MULTI). True when every bucket
 * is within its limit. Fails open: when Redis is down the public survey keeps working (an answer
 * matters more than the limit), and the outage shows in /api/health.
 */
export async function rateLimits(
  buckets: { bucket: string; limit: number }[],
  windowSeconds: number,
): Promise<boolean> {
  const window = Math.floor(Date.now() / 1000 / windowSeconds);
  const keys = buckets.map((b) => `${queuePrefix()}:rl:${b.bucket}:${window}`);
  try {
    const m = producerRedis().multi();
    for (const key of keys) m.incr(key).expire(key, windowSeconds);
    const replies = (await m.exec()) as [Error | null, number][];
    return buckets.every((b, i) => replies[i * 2]![1] <= b.limit);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'rate limit unavailable; allowing request');
    return true;
  }
}

/** One fixed-window limit (see rateLimits). */
export function rateLimit(bucket: string, limit: number, windowSeconds: number): Promise<boolean> {
  return rateLimits([{ bucket, limit }], windowSeconds);
}

/**
 * The client address, as our own reverse proxy reports it; null when no proxy header is present.
 *
 * Deployment assumption: the app is reached only through one reverse proxy of ours, which appends the
 * connecting address to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`, most load balancers) or
 * sets X-Real-IP. Everything before the last X-Forwarded-For hop came from the client and can be
 * anything, so only the LAST hop is used. If the app is ever exposed directly (or behind more than
 * one proxy), this address is client-controlled or the proxy's own: limits keyed on it are then only
 * a courtesy, and per-token limits must carry the protection.
 *
 * (Without a proxy, `next start` fills an absent X-Forwarded-For with the socket's address, so the
 * last hop is still the real peer unless the client sent the header itself.)
 *
 * Without any of these headers there is no address worth keying on: callers skip per-client limits
 * rather than put every respondent in one shared bucket.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = headers.get('x-forwarded-for')?.split(',');
  const address = hops?.[hops.length - 1]?.trim() || headers.get('x-real-ip')?.trim();
  // Bounded: it becomes part of a Redis key.
  return address ? address.toLowerCase().slice(0, 64) : null;
}
