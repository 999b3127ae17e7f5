import type { Logger } from 'pino';
import { asSystem, listen } from '../db';
import { logger } from '../log';
import { EVENT_SCHEMAS, type TEventType } from './events';
import { redisReady } from './connection';
import { eventJobId, type TRoutes } from './jobs';
import { DEDUPE_DAYS, queue, type TQueueName } from './queues';

interface Claimed {
  tenantId: string;
  id: string;
  type: string;
  payload: unknown;
}

export interface RelayOptions {
  /** Event type -> the jobs it triggers and their queues: the worker's registry (workers/registry.ts). */
  routes: TRoutes;
  batchSize?: number;
  /** Test hook: runs after the jobs are in Redis and before the events are marked published. */
  afterPublish?: (events: Claimed[]) => Promise<void>;
}

/**
 * Moves one batch of unpublished outbox events to BullMQ, one job per job the event triggers.
 * Events are claimed with FOR UPDATE SKIP LOCKED, so concurrent relays take disjoint batches; the job
 * id is derived from the event id, so a relay that crashed after publishing and before marking
 * republishes the same ids and BullMQ ignores them. An event type no job handles, or a payload its
 * schema refuses, is parked with the reason. Returns the number of events published.
 */
export async function relayOnce(opts: RelayOptions): Promise<number> {
  const batchSize = opts.batchSize ?? 200;
  // BullMQ waits for a ready connection without limit; check first, so that a Redis outage does
  // not hold the claimed rows locked in an open transaction.
  if (!(await redisReady(2_000)))
    throw new Error('Redis is not reachable; outbox events stay queued in Postgres');
  return asSystem(
    'outbox relay',
    async (tx) => {
      const events = await tx.$queryRaw<Claimed[]>`
        SELECT "tenantId", "id", "type", "payload" FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL
        ORDER BY "publishedAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return 0;

      const byQueue = new Map<TQueueName, { name: string; data: unknown; opts: { jobId: string } }[]>();
      const bad: Claimed[] = [];
      for (const e of events) {
        const schema = Object.hasOwn(EVENT_SCHEMAS, e.type) ? EVENT_SCHEMAS[e.type as TEventType] : undefined;
        const parsed = schema?.safeParse(e.payload);
        const targets = opts.routes.get(e.type) ?? [];
        if (!parsed?.success || targets.length === 0) {
          bad.push(e);
          continue;
        }
        for (const t of targets) {
          const list = byQueue.get(t.queue) ?? [];
          list.push({ name: t.job, data: parsed.data, opts: { jobId: eventJobId(e.id, t.job) } });
          byQueue.set(t.queue, list);
        }
      }
      for (const [name, jobs] of byQueue) {
        await withTimeout(queue(name).addBulk(jobs), 10_000, 'publishing to Redis timed out');
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
        logger.error({ eventId: e.id, type: e.type }, 'outbox event has no job or a bad payload');
        await tx.$executeRaw`
          UPDATE "OutboxEvent" SET "publishedAt" = now(), "lastError" = 'no job for this type, or invalid payload'
          WHERE "tenantId" = ${e.tenantId}::uuid AND "id" = ${e.id}::uuid`;
      }
      return good.length;
    },
    { timeout: 30_000 },
  );
}

/**
 * Deletes events published more than DEDUPE_DAYS before `now`, in batches of 1,000. They have done
 * their work, and BullMQ forgets completed jobs after the same window, so an older republish could not
 * be deduplicated anyway. Runs as the scheduled job prune-outbox.
 */
export async function pruneOutbox(now: Date = new Date(), log: Logger = logger): Promise<number> {
  const before = new Date(now.getTime() - DEDUPE_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const n = await asSystem(
      'outbox prune',
      (tx) =>
        tx.$executeRaw`
        DELETE FROM "OutboxEvent" WHERE ("tenantId", "id") IN (
          SELECT "tenantId", "id" FROM "OutboxEvent"
          WHERE "publishedAt" < ${before} LIMIT 1000)`,
    );
    total += n;
    if (n < 1000) break;
  }
  log.info({ deleted: total, before }, 'outbox pruned');
  return total;
}

/**
 * Runs the relay until `signal` aborts: drains batches, then waits for a wake-up. A statement that adds
 * outbox events notifies 'kringloop_outbox' at commit (a trigger, migration answer_in_one_round_trip),
 * so an event is relayed at once instead of at the next poll; the poll every `pollMs` is the safety
 * net for a lost listen connection.
 */
export async function runRelay(signal: AbortSignal, routes: TRoutes, pollMs = 1_000) {
  let wake: (() => void) | undefined;
  let pending = false;
  listen(
    'kringloop_outbox',
    () => {
      pending = true;
      wake?.();
    },
    signal,
  );
  while (!signal.aborted) {
    let n = 0;
    pending = false;
    try {
      n = await relayOnce({ routes });
    } catch (err) {
      logger.warn({ err }, 'outbox relay failed; retrying');
      await sleep(2_000, signal);
    }
    if (n === 0 && !pending) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        void sleep(pollMs, signal).then(resolve);
      });
      wake = undefined;
    }
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
