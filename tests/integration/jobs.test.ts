// The job layer: the registry's routes, the relay fanning an event out, the schedules in Redis (put
// in place idempotently, stale ones removed), and a scheduled job run "as of" a moment.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { env } from '../../lib/env';
import { EVENT_SCHEMAS, outboxRow } from '../../lib/queue/events';
import { createRegistry, defineJob, eventJobId, runJob, type ScheduledJob } from '../../lib/queue/jobs';
import { limiterOf, queue } from '../../lib/queue/queues';
import { relayOnce } from '../../lib/queue/relay';
import { syncSchedules } from '../../lib/queue/schedules';
import { registry } from '../../workers/registry';
import { makeTenant } from '../support/factories';

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;

async function schedulers(name: 'scheduled' | 'loop') {
  return (await queue(name).getJobSchedulers(0, -1)).map((s) => ({
    key: s.key,
    every: s.every,
    next: s.next,
  }));
}

/** Delayed jobs a scheduler holds (it should always hold exactly one). */
async function delayedOf(name: 'scheduled' | 'loop', schedulerId: string) {
  const jobs = await queue(name).getJobs(['delayed', 'waiting'], 0, -1);
  return jobs.filter((j) => j?.repeatJobKey === schedulerId);
}

describe('the job registry', () => {
  it('routes every outbox event type to its job, and each queue has its configured rate', () => {
    for (const type of Object.keys(EVENT_SCHEMAS))
      expect(registry.routes.get(type)?.length, type).toBeGreaterThan(0);
    // An answer also marks its day for the insights rollups when that day is already rolled up.
    // (The order of jobs per event is the registry's and carries no meaning.)
    const routesOf = (type: string) =>
      [...(registry.routes.get(type) ?? [])].sort((a, b) => a.job.localeCompare(b.job));
    expect(routesOf('response.submitted')).toEqual([
      { job: 'create-task', queue: 'loop' },
      { job: 'insights-mark-late', queue: 'loop' },
    ]);
    expect(routesOf('response.changed')).toEqual([
      { job: 'insights-mark-changed', queue: 'loop' },
      { job: 'sync-task', queue: 'loop' },
    ]);
    expect(registry.routes.get('invitation.send')).toEqual([
      { job: 'send-invitation', queue: 'invitations' },
    ]);
    expect(registry.routes.get('task.alert')).toEqual([{ job: 'send-task-alert', queue: 'notifications' }]);
    expect(registry.routes.get('member.invited')).toEqual([
      { job: 'send-member-invite', queue: 'notifications' },
    ]);
    expect(registry.scheduled.map((j) => j.name)).toContain('prune-outbox');
    expect(limiterOf('invitations')).toEqual({ max: env().INVITATION_MAIL_RATE, duration: 1_000 });
    expect(limiterOf('notifications')).toEqual({ max: env().NOTIFICATION_MAIL_RATE, duration: 1_000 });
    expect(limiterOf('loop')).toBeUndefined();
    expect(() => createRegistry([...registry.jobs, registry.jobs[0]!])).toThrow(/two jobs are named/);
  });

  it('the relay fans an event out to every job it triggers, each on its own queue, once', async () => {
    const t = await makeTenant();
    const audit = defineJob({
      name: 'copy-answer',
      queue: 'notifications',
      schema: EVENT_SCHEMAS['response.submitted'],
      trigger: { event: 'response.submitted' },
      handle: async () => undefined,
    });
    const fanned = createRegistry([...registry.jobs, audit]);
    const e = outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: randomUUID() });
    await adminDb.outboxEvent.create({ data: { ...e, payload: e.payload as object } });
    while ((await relayOnce({ routes: fanned.routes })) > 0);
    // A second relay run and a republish of the same event add nothing.
    await adminDb.outboxEvent.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: e.id } },
      data: { publishedAt: null },
    });
    while ((await relayOnce({ routes: fanned.routes })) > 0);
    const task = await queue('loop').getJob(eventJobId(e.id, 'create-task'));
    const copy = await queue('notifications').getJob(eventJobId(e.id, 'copy-answer'));
    expect(task?.name).toBe('create-task');
    expect(copy?.name).toBe('copy-answer');
    expect(copy?.data).toEqual(e.payload);
    const all = await queue('notifications').getJobs(['waiting', 'prioritized', 'delayed'], 0, -1);
    expect(all.filter((j) => j?.id?.startsWith(e.id))).toHaveLength(1);
    await task!.remove();
    await copy!.remove();
  });
});

describe('schedules', () => {
  const prune = registry.scheduled.find((j) => j.name === 'prune-outbox')!;

  it('are put in place once: a restart keeps the schedule and its next run, with one pending job', async () => {
    const first = await syncSchedules(registry.scheduled, silent);
    expect(first.scheduled['prune-outbox']).toBe(`every ${HOUR} ms`);
    const before = await schedulers('scheduled');
    expect(before.filter((s) => s.key === 'prune-outbox')).toEqual([
      { key: 'prune-outbox', every: HOUR, next: expect.any(Number) },
    ]);
    // A second worker start (or a restart) changes nothing.
    await syncSchedules(registry.scheduled, silent);
    await syncSchedules(registry.scheduled, silent);
    expect(await schedulers('scheduled')).toEqual(before);
    expect(await delayedOf('scheduled', 'prune-outbox')).toHaveLength(1);
  });

  it('follow the configuration: a new cadence replaces the old one, and off removes it', async () => {
    const e = env();
    await syncSchedules([prune], silent, { ...e, SCHEDULE_OUTBOX_PRUNE: { pattern: '0 3 * * *' } });
    const cron = await queue('scheduled').getJobScheduler('prune-outbox');
    expect(cron).toMatchObject({ pattern: '0 3 * * *', tz: e.SCHEDULE_TZ });
    expect(cron?.every).toBeUndefined();
    expect(await delayedOf('scheduled', 'prune-outbox')).toHaveLength(1);

    const off = await syncSchedules([prune], silent, { ...e, SCHEDULE_OUTBOX_PRUNE: { off: true } });
    expect(off.off).toEqual(['prune-outbox']);
    expect(off.removed).toEqual(['scheduled/prune-outbox']);
    expect(await queue('scheduled').getJobScheduler('prune-outbox')).toBeUndefined();
    expect(await delayedOf('scheduled', 'prune-outbox')).toHaveLength(0);

    await syncSchedules(registry.scheduled, silent);
    expect(await queue('scheduled').getJobScheduler('prune-outbox')).toMatchObject({ every: HOUR });
  });

  it('left by a previous deployment (a removed job, a job moved to another queue) are removed at start', async () => {
    await queue('scheduled').upsertJobScheduler(
      'send-digest-v0',
      { every: 60_000 },
      { name: 'send-digest-v0' },
    );
    await queue('loop').upsertJobScheduler('prune-outbox', { every: HOUR }, { name: 'prune-outbox' });
    const r = await syncSchedules(registry.scheduled, silent);
    expect(r.removed.sort()).toEqual(['loop/prune-outbox', 'scheduled/send-digest-v0']);
    expect((await schedulers('scheduled')).map((s) => s.key).sort()).toEqual(
      registry.scheduled.map((j) => j.name).sort(),
    );
    expect(await schedulers('loop')).toEqual([]);
    expect(await delayedOf('scheduled', 'send-digest-v0')).toHaveLength(0);
    expect(await delayedOf('loop', 'prune-outbox')).toHaveLength(0);
  });
});

describe('a scheduled job', () => {
  it('prune-outbox runs as of `at`: events published before the window go, the rest stay', async () => {
    const t = await makeTenant();
    const at = new Date('2031-05-20T10:00:00Z');
    const day = 86_400_000;
    const row = (publishedAt: Date | null) => ({
      tenantId: t.tenant.id,
      id: uuidv7(),
      type: 'response.submitted',
      payload: { tenantId: t.tenant.id, responseId: randomUUID() },
      publishedAt,
    });
    const old = row(new Date(at.getTime() - 8 * day));
    const recent = row(new Date(at.getTime() - 6 * day));
    const unpublished = row(null);
    await adminDb.outboxEvent.createMany({ data: [old, recent, unpublished] });
    const deleted = await runJob(registry, 'prune-outbox', { at: at.toISOString() }, silent);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await adminDb.outboxEvent.findMany({
      where: { tenantId: t.tenant.id },
      select: { id: true },
    });
    expect(left.map((e) => e.id).sort()).toEqual([recent.id, unpublished.id].sort());
    // Unpublished events are never pruned, however old.
    await runJob(registry, 'prune-outbox', { at: new Date(at.getTime() + 365 * day).toISOString() }, silent);
    expect(
      await adminDb.outboxEvent.findMany({ where: { tenantId: t.tenant.id }, select: { id: true } }),
    ).toEqual([{ id: unpublished.id }]);
    await adminDb.outboxEvent.deleteMany({ where: { tenantId: t.tenant.id } });
  });

  it('refuses a payload its schema does not accept', async () => {
    await expect(runJob(registry, 'prune-outbox', { at: 'yesterday' }, silent)).rejects.toThrow();
    await expect(runJob(registry, 'prune-outbox', { tenantId: randomUUID() }, silent)).rejects.toThrow();
    await expect(runJob(registry, 'no-such-job', {}, silent)).rejects.toThrow(/unknown job/);
    const plain: ScheduledJob = registry.scheduled[0]!;
    expect(plain.schema.safeParse({}).success).toBe(true);
  });
});
