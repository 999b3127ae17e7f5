import { db } from '../db';
import { logger } from '../log';
import { EVENT_SCHEMAS, QUEUE_OF, type TEventType } from './events';
import { redisReady } from './connection';
import { queue } from './queues';

interface Claimed {
  tenantId: string;
  id: string;
  type: string;
  payload: unknown;
}

export interface RelayOptions {
  batchSize?: number;
  /** Test hook: runs after the jobs are in Redis and before the events are marked published. */
  afterPublish?: (events: Claimed[]) => Promise<void>;
}

/**
 * Moves one batch of unpublished outbox events to BullMQ. Events are claimed with FOR UPDATE SKIP
 * LOCKED, so concurrent relays take disjoint batches; the job id is the event id, so a relay that
 * crashed after publishing and before marking republishes the same ids and BullMQ ignores them.
 * Returns the number of events published.
 */
export async function relayOnce(opts: RelayOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 200;
  // BullMQ waits for a ready connection without limit; check first, so that a Redis outage does
  // not hold the claimed rows locked in an open transaction.
  if (!(await redisReady(2_000)))
    throw new Error('Redis is not reachable; outbox events stay queued in Postgres');
  return db.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<Claimed[]>`
        SELECT "tenantId", "id", "type", "payload" FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL
        ORDER BY "publishedAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return 0;

      const byQueue = new Map<string, { name: string; data: unknown; opts: { jobId: string } }[]>();
      const bad: Claimed[] = [];
      for (const e of events) {
        const schema = EVENT_SCHEMAS[e.type as TEventType];
        const parsed = schema?.safeParse(e.payload);
        if (!parsed?.success) {
          bad.push(e);
          continue;
        }
        const q = QUEUE_OF[e.type as TEventType];
        const list = byQueue.get(q) ?? [];
        list.push({ name: e.type, data: parsed.data, opts: { jobId: e.id } });
        byQueue.set(q, list);
      }
      for (const [name, jobs] of byQueue) {
        await withTimeout(
          queue(name as 'mail' | 'loop').addBulk(jobs),
          10_000,
          'publishing to Redis timed out',
        );
      }
      await opts.afterPublish?.(events);

      const good = events.filter((e) => !bad.includes(e));
      if (good.length > 0) {
        await tx.$executeRaw`
          UPDATE "OutboxEvent" SET "publishedAt" = now(), "attempts" = "attempts" + 1
          WHERE ("tenantId", "id") IN (SELECT * FROM unnest(${good.map((e) => e.tenantId)}::uuid[], ${good.map((e) => e.id)}::uuid[]))`;
      }
      for (const e of bad) {
        // An event nobody can handle must not block the outbox forever: park it with the reason.
        logger.error({ eventId: e.id, type: e.type }, 'outbox event has an unknown type or a bad payload');
        await tx.$executeRaw`
          UPDATE "OutboxEvent" SET "publishedAt" = now(), "lastError" = 'unknown type or invalid payload'
          WHERE "tenantId" = ${e.tenantId}::uuid AND "id" = ${e.id}::uuid`;
      }
      return good.length;
    },
    { timeout: 30_000 },
  );
}

/**
 * Deletes published events older than `days` in small batches. They have done their work, and BullMQ
 * forgets completed jobs after a week anyway, so an older republish could not be deduplicated.
 */
export async function pruneOutbox(days = 7): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRaw`
      DELETE FROM "OutboxEvent" WHERE ("tenantId", "id") IN (
        SELECT "tenantId", "id" FROM "OutboxEvent"
        WHERE "publishedAt" < now() - make_interval(days => ${days}) LIMIT 1000)`;
    total += n;
    if (n < 1000) return total;
  }
}

/** Runs the relay until `signal` aborts: drains batches, then polls; prunes old events hourly. */
export async function runRelay(signal: AbortSignal, pollMs = 250) {
  let nextPrune = 0;
  while (!signal.aborted) {
    if (Date.now() >= nextPrune) {
      nextPrune = Date.now() + 3_600_000;
      await pruneOutbox().catch((err: unknown) => logger.warn({ err }, 'outbox prune failed'));
    }
    let n = 0;
    try {
      n = await relayOnce();
    } catch (err) {
      logger.warn({ err }, 'outbox relay failed; retrying');
      await sleep(2_000, signal);
    }
    if (n === 0) await sleep(pollMs, signal);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(message)), ms))),
  ]).finally(() => clearTimeout(t));
}

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
