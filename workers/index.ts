// The worker process: a BullMQ worker per queue, the outbox relay, and the schedules. Processors are
// thin: they hand the job to runJob, which parses the payload with the job's schema and calls its
// handler (workers/jobs/*), which calls a lib/ service.
import { DelayedError, Worker, UnrecoverableError } from 'bullmq';
import { env } from '@/lib/env';
import { jobLogger, logger } from '@/lib/log';
import { workerRedis, queuePrefix, closeProducerRedis } from '@/lib/queue/connection';
import { runJob, UnknownJobError } from '@/lib/queue/jobs';
import { closeQueues, limiterOf, QUEUE_NAMES, QUEUES } from '@/lib/queue/queues';
import { runRelay } from '@/lib/queue/relay';
import { syncSchedules } from '@/lib/queue/schedules';
import { shutdownServices } from '@/lib/shutdown';
import { registry } from './registry';

const e = env();
const abort = new AbortController();
const stalledMs = e.WORKER_STALLED_SECONDS * 1000;

const workers = QUEUE_NAMES.map(
  (name) =>
    new Worker(
      name,
      async (job, token) => {
        const log = jobLogger({
          jobId: job.id,
          job: job.name,
          tenantId: (job.data as { tenantId?: string })?.tenantId,
        });
        try {
          const result = await runJob(registry, job.name, job.data, log, async (ms, patch) => {
            await job.updateData({ ...(job.data as object), ...patch });
            await job.moveToDelayed(Date.now() + ms, token);
            throw new DelayedError();
          });
          log.info({ attempt: job.attemptsMade + 1 }, 'job done');
          return result;
        } catch (err) {
          if (err instanceof DelayedError) throw err;
          log.warn({ err, attempt: job.attemptsMade + 1 }, 'job failed');
          if (err instanceof UnknownJobError || (err as Error).name === 'ZodError')
            throw new UnrecoverableError(String(err));
          throw err;
        }
      },
      {
        connection: workerRedis(),
        prefix: queuePrefix(),
        concurrency: e.WORKER_CONCURRENCY,
        // Rates are per queue for all worker processes together (BullMQ keeps the limiter in Redis).
        limiter: limiterOf(name),
        lockDuration: stalledMs,
        stalledInterval: stalledMs,
      },
    ),
);

const relay = runRelay(abort.signal, registry.routes);

/** Puts the schedules in place; retries while Redis is unreachable, so a start during an outage recovers. */
async function schedules() {
  for (let attempt = 1; !abort.signal.aborted; attempt++) {
    try {
      return await syncSchedules(registry.scheduled, logger);
    } catch (err) {
      logger.warn({ err, attempt }, 'could not put the schedules in place; retrying');
      await new Promise((r) => setTimeout(r, Math.min(attempt * 1_000, 10_000)));
    }
  }
}
const scheduling = schedules();

logger.info(
  {
    prefix: queuePrefix(),
    queues: Object.fromEntries(
      QUEUE_NAMES.map((q) => [
        q,
        { carries: QUEUES[q].carries, perSecond: limiterOf(q)?.max ?? 'unlimited' },
      ]),
    ),
    jobs: registry.jobs.map((j) => `${j.name} (${j.queue})`),
  },
  'worker started',
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing running jobs');
  abort.abort();
  await Promise.all([relay, scheduling]);
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  await closeProducerRedis();
  await shutdownServices();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
