import type { Logger } from 'pino';
import { env, type TCadence, type TEnv } from '../env';
import { redisReady } from './connection';
import type { ScheduledJob } from './jobs';
import { QUEUE_NAMES, QUEUES, queue, type TQueueName } from './queues';

export interface ScheduleSync {
  /** Job name -> its cadence as applied ("every 3600000 ms", "cron 0 3 * * * (UTC)"). */
  scheduled: Record<string, string>;
  /** Scheduled jobs whose cadence is `off`. */
  off: string[];
  /** Schedulers found in Redis that no current job owns (a removed or moved job), now removed. */
  removed: string[];
}

/**
 * Makes Redis hold exactly one BullMQ job scheduler per scheduled job, with the configured cadence:
 * upsert is idempotent (an unchanged schedule keeps its next run; a changed one is replaced), so
 * every worker calls this at start. Schedulers of jobs that no longer exist, moved to another queue,
 * or are switched off, are removed. The scheduler id is the job name.
 */
export async function syncSchedules(
  jobs: readonly ScheduledJob[],
  log: Logger,
  e: TEnv = env(),
): Promise<ScheduleSync> {
  if (!(await redisReady(2_000))) throw new Error('Redis is not reachable; schedules not in place yet');
  const result: ScheduleSync = { scheduled: {}, off: [], removed: [] };
  const wanted = new Map<TQueueName, Set<string>>();
  for (const job of jobs) {
    const cadence = e[job.trigger.schedule] as TCadence;
    if ('off' in cadence) {
      result.off.push(job.name);
      continue;
    }
    const repeat =
      'every' in cadence ? { every: cadence.every } : { pattern: cadence.pattern, tz: e.SCHEDULE_TZ };
    await queue(job.queue).upsertJobScheduler(job.name, repeat, {
      name: job.name,
      data: {},
      opts: QUEUES[job.queue].jobOptions,
    });
    if (!wanted.has(job.queue)) wanted.set(job.queue, new Set());
    wanted.get(job.queue)!.add(job.name);
    result.scheduled[job.name] =
      'every' in cadence ? `every ${cadence.every} ms` : `cron ${cadence.pattern} (${e.SCHEDULE_TZ})`;
  }
  for (const name of QUEUE_NAMES) {
    for (const s of await queue(name).getJobSchedulers(0, -1)) {
      if (wanted.get(name)?.has(s.key)) continue;
      // BullMQ removes a scheduler's next job only while it is delayed; a first `every` run is
      // already waiting, so take it out too (unless a worker is running it).
      const pending = s.next ? await queue(name).getJob(`repeat:${s.key}:${s.next}`) : undefined;
      await queue(name).removeJobScheduler(s.key);
      if (pending && ['waiting', 'delayed', 'prioritized'].includes(await pending.getState()))
        await pending.remove();
      result.removed.push(`${name}/${s.key}`);
    }
  }
  log.info(result, 'schedules in place');
  return result;
}
