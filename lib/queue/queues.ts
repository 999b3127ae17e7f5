import { Queue, type DefaultJobOptions } from 'bullmq';
import { producerRedis, queuePrefix } from './connection';

export const QUEUE_NAMES = ['mail', 'loop'] as const;
export type TQueueName = (typeof QUEUE_NAMES)[number];

/**
 * Retries with exponential backoff; completed jobs are kept for a week so that a job id republished
 * by the outbox relay after a crash is recognised as a duplicate instead of running again.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

const g = globalThis as unknown as { __kringloopQueues?: Map<TQueueName, Queue> };

export function queue(name: TQueueName): Queue {
  g.__kringloopQueues ??= new Map();
  let q = g.__kringloopQueues.get(name);
  if (!q) {
    q = new Queue(name, {
      connection: producerRedis(),
      prefix: queuePrefix(),
      defaultJobOptions: JOB_DEFAULTS,
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
