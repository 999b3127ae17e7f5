// The worker process: BullMQ workers for every queue plus the outbox relay. Processors are thin: they
// hand the job to lib/queue/registry, which parses the payload and calls a lib/ service.
import { Worker, UnrecoverableError } from 'bullmq';
import { env } from '@/lib/env';
import { jobLogger, logger } from '@/lib/log';
import { workerRedis, queuePrefix, closeProducerRedis } from '@/lib/queue/connection';
import { closeQueues, QUEUE_NAMES } from '@/lib/queue/queues';
import { runJob, UnknownJobError } from '@/lib/queue/registry';
import { runRelay } from '@/lib/queue/relay';
import { shutdownServices } from '@/lib/shutdown';

const e = env();
const abort = new AbortController();

const workers = QUEUE_NAMES.map(
  (name) =>
    new Worker(
      name,
      async (job) => {
        const log = jobLogger({
          jobId: job.id,
          job: job.name,
          tenantId: (job.data as { tenantId?: string })?.tenantId,
        });
        try {
          const result = await runJob(job.name, job.data, log);
          log.info({ attempt: job.attemptsMade + 1 }, 'job done');
          return result;
        } catch (err) {
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
        // Mail: at most 20 messages a second per worker process, so a big send does not flood SMTP.
        ...(name === 'mail' ? { limiter: { max: 20, duration: 1_000 } } : {}),
      },
    ),
);

const relay = runRelay(abort.signal);
logger.info({ queues: QUEUE_NAMES, prefix: queuePrefix() }, 'worker started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing running jobs');
  abort.abort();
  await relay;
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  await closeProducerRedis();
  await shutdownServices();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
