import { Queue, type DefaultJobOptions } from 'bullmq';
import { env, type TEnv } from '../env';
import { producerRedis, queuePrefix } from './connection';

/**
 * How long a completed event job is kept. The outbox relay publishes with the event id in the job
 * id, so a relay that crashed between publishing and marking republishes ids BullMQ still knows and
 * ignores; published outbox events are pruned after the same window (workers/jobs/prune-outbox.ts).
 */
export const DEDUPE_DAYS = 7;

/** Event jobs: retried with exponential backoff, kept for the dedupe window, failures for 30 days. */
const eventJobs = (attempts: number, firstDelayMs: number): DefaultJobOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: firstDelayMs },
  removeOnComplete: { age: DEDUPE_DAYS * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
});

interface QueueSpec {
  /** What the queue carries, for the docs and the start-up log. */
  carries: string;
  /** Attempts, backoff and retention: explicit per queue. */
  jobOptions: DefaultJobOptions;
  /** Jobs started per second by all worker processes together; undefined = no limit. */
  rate?: (e: TEnv) => number;
}

/**
 * The queues. Invitations have a queue of their own so that a send wave (thousands of invitations
 * at INVITATION_MAIL_RATE) never delays person-to-person mail: follow-up alerts and member
 * invitations leave through `notifications` at their own rate, on their own SMTP pool. Per-tenant
 * delivery rates and pausing a send belong to the invitations queue's jobs (issue 7 item 6).
 */
export const QUEUES = {
  invitations: {
    carries: 'survey invitations and reminders',
    // 8 attempts, 2 s doubling: about 4 minutes for a relay that answers 4xx (try again later).
    jobOptions: eventJobs(8, 2_000),
    rate: (e) => e.INVITATION_MAIL_RATE,
  },
  notifications: {
    carries: 'follow-up alerts and member invitations (mail to one person)',
    jobOptions: eventJobs(8, 1_000),
    rate: (e) => e.NOTIFICATION_MAIL_RATE,
  },
  sends: {
    carries: "creating a send's invitations from its audience, batch by batch",
    // A batch is one transaction that records its cursor, so a retried run goes on where it stopped.
    jobOptions: eventJobs(8, 2_000),
  },
  loop: {
    carries: 'answers becoming follow-up tasks',
    jobOptions: eventJobs(8, 1_000),
  },
  scheduled: {
    carries: 'scheduled jobs (their schedules are configuration: SCHEDULE_*)',
    // A scheduled run that fails is retried a few times; the next tick comes anyway. Scheduler job
    // ids are unique per tick, so there is nothing to deduplicate and little to keep.
    jobOptions: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { count: 1_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  },
} satisfies Record<string, QueueSpec>;

export type TQueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as TQueueName[];

/** BullMQ limiter options of a queue from the configuration; undefined when unlimited. */
export function limiterOf(name: TQueueName): { max: number; duration: number } | undefined {
  const spec: QueueSpec = QUEUES[name];
  const perSecond = spec.rate?.(env()) ?? 0;
  return perSecond > 0 ? { max: perSecond, duration: 1_000 } : undefined;
}

const g = globalThis as unknown as { __kringloopQueues?: Map<TQueueName, Queue> };

/** The producer side of a queue (one per process), on the fail-fast connection. */
export function queue(name: TQueueName): Queue {
  g.__kringloopQueues ??= new Map();
  let q = g.__kringloopQueues.get(name);
  if (!q) {
    q = new Queue(name, {
      connection: producerRedis(),
      prefix: queuePrefix(),
      defaultJobOptions: QUEUES[name].jobOptions,
    });
    g.__kringloopQueues.set(name, q);
  }
  return q;
}

export async function closeQueues() {
  const qs = [...(g.__kringloopQueues?.values() ?? [])];
  g.__kringloopQueues = undefined;
  await Promise.all(qs.map((q) => q.close()));
}
