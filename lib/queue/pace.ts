import { producerRedis, queuePrefix, redisReady } from './connection';

/**
 * A pacing slot: reserves the next free moment on a named rate (`perSecond` events per second, for
 * all worker processes together) and answers how many milliseconds from now it is (0 = now). The
 * state is one Redis key per name holding the next free moment (a GCRA-like "theoretical arrival
 * time"), advanced atomically by a script on Redis's own clock, so workers on several hosts share it
 * and nobody's clock matters. Every caller gets its own slot, so N callers wait 0, 1/r, 2/r, ... and
 * the rate holds exactly, without retries piling onto the same moment.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(tat, now)
redis.call('SET', KEYS[1], tostring(start + interval), 'PX', math.floor(start + interval - now) + 60000)
return math.floor(start - now)
`;

export async function reserveSlot(name: string, perSecond: number): Promise<number> {
  if (perSecond <= 0) return 0;
  const interval = 1000 / perSecond;
  // The producer connection does not queue commands while it (re)connects: wait for it briefly.
  if (!(await redisReady(2_000))) throw new Error('Redis is not reachable; the invitation waits for it');
  const wait = await producerRedis().eval(RESERVE, 1, `${queuePrefix()}:pace:${name}`, interval);
  return Number(wait);
}
