import { randomUUID } from 'node:crypto';
import type { Job, JobType } from 'bullmq';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { outboxRow, type OutboxRow } from '../../lib/queue/events';
import { eventJobId } from '../../lib/queue/jobs';
import { queue, type TQueueName } from '../../lib/queue/queues';
import { relayOnce as relayWith, type RelayOptions } from '../../lib/queue/relay';
import { registry } from '../../workers/registry';
import { makeTenant } from '../support/factories';

// No worker runs in integration tests: published jobs stay in Redis (waiting) for us to inspect.
const ALL_STATES: JobType[] = [
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
  'active',
  'completed',
  'failed',
];
const created = new Set<string>();
/** The relay with the worker's routes (what workers/index.ts runs). */
const relayOnce = (opts: Omit<RelayOptions, 'routes'> = {}) =>
  relayWith({ routes: registry.routes, ...opts });
/** response.submitted triggers create-task on the loop queue. */
const taskJob = (eventId: string) => eventJobId(eventId, 'create-task');

async function insertEvents(tenantId: string, n: number): Promise<OutboxRow[]> {
  const rows = Array.from({ length: n }, () =>
    outboxRow('response.submitted', { tenantId, responseId: randomUUID() }),
  );
  await adminDb.outboxEvent.createMany({ data: rows.map((r) => ({ ...r, payload: r.payload as object })) });
  for (const r of rows) created.add(r.id);
  return rows;
}

/** Runs relayOnce until it reports an empty batch. */
async function loop(relay: () => Promise<number>) {
  let total = 0;
  for (let i = 0; i < 1000; i++) {
    const n = await relay();
    if (n === 0) return total;
    total += n;
  }
  throw new Error('relay did not drain');
}

/** Every job of a queue, in every state, whose id is in `ids`. */
async function jobsWithIds(name: TQueueName, ids: Set<string>): Promise<Job[]> {
  const jobs = await queue(name).getJobs(ALL_STATES, 0, -1);
  return jobs.filter((j) => j && ids.has(j.id!));
}

describe('outbox relay', () => {
  beforeEach(async () => {
    // Earlier test files may leave unpublished events (of other tenants); start from an empty outbox.
    await loop(() => relayOnce());
  });

  afterAll(async () => {
    for (const name of ['loop', 'notifications'] as const) {
      const jobs = await queue(name).getJobs(ALL_STATES, 0, -1);
      for (const j of jobs) if (j && created.has(j.id!.split('.')[0]!)) await j.remove();
    }
  });

  it('delivers each event exactly once with two relays running concurrently', async () => {
    const t = await makeTenant();
    const rows = await insertEvents(t.tenant.id, 300);
    const ids = new Set(rows.map((r) => taskJob(r.id)));

    // Small batches so the two relays interleave; SKIP LOCKED must keep their batches disjoint.
    const [a, b] = await Promise.all([
      loop(() => relayOnce({ batchSize: 40 })),
      loop(() => relayOnce({ batchSize: 40 })),
    ]);
    expect(a + b).toBe(300);

    const events = await adminDb.outboxEvent.findMany({ where: { tenantId: t.tenant.id } });
    expect(events).toHaveLength(300);
    expect(events.filter((e) => e.publishedAt === null)).toEqual([]);
    expect(events.every((e) => e.attempts === 1 && e.lastError === null)).toBe(true);

    const found = await Promise.all(rows.map((r) => queue('loop').getJob(taskJob(r.id))));
    rows.forEach((r, i) => {
      expect(found[i], `job ${r.id}`).toBeTruthy();
      expect(found[i]!.name).toBe('create-task');
      expect(found[i]!.data).toEqual(r.payload);
    });
    const jobs = await jobsWithIds('loop', ids);
    expect(jobs).toHaveLength(300);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(300);
    // Nothing went to the mail queues.
    expect(await jobsWithIds('notifications', ids)).toEqual([]);
    expect(await jobsWithIds('invitations', ids)).toEqual([]);
  });

  it('republishes after a crash between enqueue and mark, without duplicate jobs', async () => {
    const t = await makeTenant();
    const rows = await insertEvents(t.tenant.id, 25);
    const ids = new Set(rows.map((r) => taskJob(r.id)));

    await expect(
      relayOnce({
        afterPublish: async () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');

    // The transaction rolled back: still unpublished, but the jobs are already in Redis.
    const unpublished = await adminDb.outboxEvent.findMany({ where: { tenantId: t.tenant.id } });
    expect(unpublished).toHaveLength(25);
    expect(unpublished.every((e) => e.publishedAt === null && e.attempts === 0)).toBe(true);
    expect(await jobsWithIds('loop', ids)).toHaveLength(25);

    // The next run publishes the same ids again; BullMQ keeps one job per id.
    expect(await loop(() => relayOnce())).toBe(25);
    const published = await adminDb.outboxEvent.findMany({ where: { tenantId: t.tenant.id } });
    expect(published.every((e) => e.publishedAt !== null && e.attempts === 1)).toBe(true);
    const jobs = await jobsWithIds('loop', ids);
    expect(jobs).toHaveLength(25);
    expect(new Set(jobs.map((j) => j.id))).toEqual(ids);
    for (const r of rows) expect((await queue('loop').getJob(taskJob(r.id)))!.data).toEqual(r.payload);

    // And a relay run with nothing new does not touch them again.
    expect(await relayOnce()).toBe(0);
    expect(await jobsWithIds('loop', ids)).toHaveLength(25);
  });

  it('parks an event with an unknown type or bad payload, and still delivers the others', async () => {
    const t = await makeTenant();
    const tenantId = t.tenant.id;
    // The bad ones are older (uuid v7 ids sort by time), so they are at the head of the outbox.
    await adminDb.outboxEvent.create({
      data: { tenantId, id: uuidv7(), type: 'nobody.handles.this', payload: { tenantId } },
    });
    await adminDb.outboxEvent.create({
      data: {
        tenantId,
        id: uuidv7(),
        type: 'response.submitted',
        payload: { tenantId, responseId: 'not-a-uuid' },
      },
    });
    const good = await insertEvents(tenantId, 5);
    const mail = outboxRow('task.alert', { tenantId, taskId: randomUUID() });
    await adminDb.outboxEvent.create({ data: { ...mail, payload: mail.payload as object } });
    created.add(mail.id);

    expect(await loop(() => relayOnce())).toBe(6);

    const events = await adminDb.outboxEvent.findMany({ where: { tenantId } });
    expect(events.every((e) => e.publishedAt !== null)).toBe(true);
    const parked = events.filter((e) => e.lastError !== null);
    expect(parked.map((e) => e.type).sort()).toEqual(['nobody.handles.this', 'response.submitted']);
    expect(parked.every((e) => e.lastError === 'no job for this type, or invalid payload')).toBe(true);
    for (const e of parked) {
      expect(await queue('loop').getJob(taskJob(e.id))).toBeFalsy();
    }
    expect(await jobsWithIds('loop', new Set(good.map((g) => taskJob(g.id))))).toHaveLength(5);
    // task.alert goes to the notifications queue, not the loop queue.
    const alertJob = eventJobId(mail.id, 'send-task-alert');
    expect((await queue('notifications').getJob(alertJob))?.name).toBe('send-task-alert');
    expect(await queue('loop').getJob(alertJob)).toBeFalsy();

    // A parked event is not picked up again.
    expect(await relayOnce()).toBe(0);
  });
});

describe('the relay wake-up', () => {
  it('a statement that adds outbox events notifies kringloop_outbox at commit, and listen() hears it', async () => {
    const { listen } = await import('../../lib/db');
    const t = await makeTenant();
    const abort = new AbortController();
    let heard = 0;
    let connected!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    // listen() calls back once when connected (notifications from before then would be lost).
    listen('kringloop_outbox', () => (heard++ === 0 ? connected() : undefined), abort.signal);
    await ready;
    const before = heard;
    const woken = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (heard > before) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    await adminDb.$transaction(async (tx) => {
      const row = outboxRow('response.submitted', { tenantId: t.tenant.id, responseId: randomUUID() });
      await tx.outboxEvent.create({ data: { ...row, payload: row.payload as object } });
      // Not before the commit.
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toBe(before);
    });
    await woken;
    abort.abort();
    const published = await adminDb.outboxEvent.findMany({ where: { tenantId: t.tenant.id } });
    for (const e of published) created.add(e.id);
  });
});
