import type { Logger } from 'pino';
import { z } from 'zod';
import type { TCadence, TEnv } from '../env';
import type { TEventPayload, TEventType } from './events';
import type { TQueueName } from './queues';

/**
 * The shape of a job. Each job is one file in workers/jobs/ and one line in workers/registry.ts;
 * this file only knows the shape (lib/queue imports no capability). A job runs when an outbox event
 * of its type is published, or on a schedule whose cadence is configuration (a SCHEDULE_* key of
 * lib/env.ts). The payload is parsed with `schema` before `handle` runs; a job may run more than
 * once (retries, a relay republishing after a crash), so handlers are idempotent.
 */

/** The keys of the configuration that hold a cadence (SCHEDULE_*). */
export type TScheduleKey = { [K in keyof TEnv]: TEnv[K] extends TCadence ? K : never }[keyof TEnv];

/**
 * The payload of a scheduled run: nothing, or `at` (ISO) to use as "now". Scheduler ticks carry no
 * `at`; tests and operators pass one to run a job as of a moment, so nobody sleeps for time.
 */
export const ZScheduledPayload = z.object({ at: z.iso.datetime({ offset: true }).optional() }).strict();

export interface JobContext {
  /** The job's child logger (job name, id, tenant): pass it into the services the job calls. */
  log: Logger;
  /**
   * Puts the job back for `ms` with `patch` merged into its payload, and ends this run (BullMQ's
   * moveToDelayed: no attempt is counted). Absent where no queue runs the job (tests call runJob
   * directly): callers then wait in-process.
   */
  delay?: (ms: number, patch: Record<string, unknown>) => Promise<never>;
}
export interface ScheduledJobContext extends JobContext {
  /** `at` from the payload, else the moment the run started. */
  now: Date;
}

export interface EventJob<E extends TEventType = TEventType, S extends z.ZodType = z.ZodType> {
  name: string;
  queue: TQueueName;
  schema: S;
  trigger: { event: E };
  handle(payload: z.output<S>, ctx: JobContext): Promise<unknown>;
}

export interface ScheduledJob<S extends z.ZodType = z.ZodType> {
  name: string;
  queue: TQueueName;
  schema: S;
  trigger: { schedule: TScheduleKey };
  handle(payload: z.output<S>, ctx: ScheduledJobContext): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of any payload type
export type JobDefinition = EventJob<TEventType, any> | ScheduledJob<any>;

/** Types a job file: an event job's schema must accept its event's payload. */
export function defineJob<E extends TEventType, S extends z.ZodType<unknown, TEventPayload<E>>>(
  job: EventJob<E, S>,
): EventJob<E, S>;
export function defineJob<S extends z.ZodType<{ at?: string }>>(job: ScheduledJob<S>): ScheduledJob<S>;
export function defineJob(job: JobDefinition): JobDefinition {
  return job;
}

export const isScheduled = (job: JobDefinition): job is ScheduledJob => 'schedule' in job.trigger;

/** Where the relay sends an event type: every job it triggers, with that job's queue. */
export type TRoutes = ReadonlyMap<string, readonly { job: string; queue: TQueueName }[]>;

/** BullMQ job id of an event's job: deterministic, so a republished event is a duplicate. */
export const eventJobId = (eventId: string, jobName: string) => `${eventId}.${jobName}`;

export interface Registry {
  jobs: readonly JobDefinition[];
  byName: ReadonlyMap<string, JobDefinition>;
  routes: TRoutes;
  scheduled: readonly ScheduledJob[];
}

/** Indexes the jobs; refuses two jobs of one name (the name is the BullMQ job and scheduler id). */
export function createRegistry(jobs: readonly JobDefinition[]): Registry {
  const byName = new Map<string, JobDefinition>();
  const routes = new Map<string, { job: string; queue: TQueueName }[]>();
  for (const job of jobs) {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(job.name))
      throw new Error(`job name "${job.name}": use a-z, 0-9, . and -`);
    if (byName.has(job.name)) throw new Error(`two jobs are named "${job.name}"`);
    byName.set(job.name, job);
    if ('event' in job.trigger) {
      const list = routes.get(job.trigger.event) ?? [];
      list.push({ job: job.name, queue: job.queue });
      routes.set(job.trigger.event, list);
    }
  }
  return { jobs, byName, routes, scheduled: jobs.filter(isScheduled) };
}

export class UnknownJobError extends Error {}

/** Parses the payload with the job's schema and runs it: what the worker does for every job. */
export async function runJob(
  registry: Registry,
  name: string,
  data: unknown,
  log: Logger,
  delay?: JobContext['delay'],
): Promise<unknown> {
  const job = registry.byName.get(name);
  if (!job) throw new UnknownJobError(`unknown job ${name}`);
  const payload: unknown = job.schema.parse(data);
  if (isScheduled(job)) {
    const at = (payload as { at?: string }).at;
    return job.handle(payload, { log, now: at ? new Date(at) : new Date() });
  }
  return (job as EventJob).handle(payload, { log, delay });
}
