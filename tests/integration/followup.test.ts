import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AlertLeaseHeldError, sendTaskAlert } from '../../lib/followup/alert';
import { createTaskForResponse } from '../../lib/followup/create-task';
import { dueDate } from '../../lib/followup/sla';
import { AppError } from '../../lib/errors';
import { addTaskNote, getTask, listTasks, reassignTask, setTaskStatus } from '../../lib/followup/tasks';
import {
  addMember,
  drainOutbox,
  makeCompany,
  makeContact,
  makeResponse,
  makeSurvey,
  makeTenant,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

const APP_URL = 'http://localhost:3999';

async function answer(
  t: TestTenant,
  opts: {
    owner?: string | null;
    score?: number;
    submittedAt?: Date;
    comment?: string | null;
    company?: boolean;
  } = {},
) {
  const company =
    opts.company === false ? null : await makeCompany(t, { ownerMembershipId: opts.owner ?? null });
  const contact = await makeContact(t, { companyId: company?.id });
  const s = await makeSurvey(t);
  const response = await makeResponse(t, {
    survey: s.survey,
    contact,
    score: opts.score ?? 3,
    submittedAt: opts.submittedAt,
    comment: opts.comment,
  });
  return {
    company,
    contact,
    response,
    touchpoint: s.touchpoint,
    payload: { tenantId: t.tenant.id, responseId: response.id },
  };
}

const mailsTo = (email: string) => sink().messages.filter((m) => m.to.includes(email.toLowerCase()));

describe('one task per response', () => {
  it('when the job runs twice in a row', async () => {
    const t = await makeTenant();
    const { payload, response } = await answer(t, { owner: t.am.membershipId });
    const first = await createTaskForResponse(payload);
    const second = await createTaskForResponse(payload);
    expect(first).toMatchObject({ created: true });
    expect(second).toEqual({ taskId: first!.taskId, created: false });
    expect(await adminDb.followUpTask.count({ where: { tenantId: t.tenant.id } })).toBe(1);
    expect(await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).toMatchObject({
      id: first!.taskId,
      responseId: response.id,
    });
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'task.alert' } })).toBe(1);
    expect(await adminDb.auditLog.count({ where: { tenantId: t.tenant.id, action: 'task.created' } })).toBe(
      1,
    );
  });

  it('when the job runs eight times at once', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId, score: 9 });
    const results = await Promise.all(Array.from({ length: 8 }, () => createTaskForResponse(payload)));
    expect(results.filter((r) => r!.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r!.taskId)).size).toBe(1);
    expect(await adminDb.followUpTask.count({ where: { tenantId: t.tenant.id } })).toBe(1);
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'task.alert' } })).toBe(1);
    expect(await adminDb.auditLog.count({ where: { tenantId: t.tenant.id, action: 'task.created' } })).toBe(
      1,
    );
  });

  it('returns null for a response that does not exist (in this tenant)', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const { response } = await answer(other);
    expect(await createTaskForResponse({ tenantId: t.tenant.id, responseId: response.id })).toBeNull();
    expect(await adminDb.followUpTask.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });
});

describe('assignment and SLA', () => {
  it('assigns the company owner', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId });
    const { taskId } = (await createTaskForResponse(payload))!;
    expect(
      (await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: taskId } }))
        .assigneeMembershipId,
    ).toBe(t.am.membershipId);
  });

  it("without an owner (or without a company) assigns the tenant's first ADMIN, even when the OWNER joined earlier", async () => {
    const t = await makeTenant();
    const a = await answer(t, { owner: null });
    const b = await answer(t, { company: false });
    for (const p of [a.payload, b.payload]) {
      const { taskId } = (await createTaskForResponse(p))!;
      const task = await adminDb.followUpTask.findFirstOrThrow({
        where: { tenantId: t.tenant.id, id: taskId },
      });
      expect(task.assigneeMembershipId).toBe(t.admin.membershipId);
    }
  });

  it('falls back to the OWNER when there is no ADMIN', async () => {
    const t = await makeTenant();
    await adminDb.membership.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: t.admin.membershipId } },
      data: { role: 'VIEWER' },
    });
    const { payload } = await answer(t, { owner: null });
    const { taskId } = (await createTaskForResponse(payload))!;
    expect(
      (await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: taskId } }))
        .assigneeMembershipId,
    ).toBe(t.owner.membershipId);
  });

  it('is due after the tenant SLA in business days, at the end of the local day', async () => {
    const t = await makeTenant();
    await adminDb.tenant.update({
      where: { id: t.tenant.id },
      data: { slaDetractorDays: 2, slaPassiveDays: 3, slaPromoterDays: 4 },
    });
    // Friday 6 March 2026, 11:00 in Amsterdam.
    const friday = new Date('2026-03-06T10:00:00Z');
    const cases = [
      { score: 0, due: '2026-03-10T22:59:59.999Z' }, // detractor: Tuesday
      { score: 6, due: '2026-03-10T22:59:59.999Z' },
      { score: 7, due: '2026-03-11T22:59:59.999Z' }, // passive: Wednesday
      { score: 10, due: '2026-03-12T22:59:59.999Z' }, // promoter: Thursday
    ];
    for (const c of cases) {
      const { payload } = await answer(t, { owner: t.am.membershipId, score: c.score, submittedAt: friday });
      const { taskId } = (await createTaskForResponse(payload))!;
      const task = await adminDb.followUpTask.findFirstOrThrow({
        where: { tenantId: t.tenant.id, id: taskId },
      });
      expect(task.dueAt.toISOString(), `score ${c.score}`).toBe(c.due);
      expect(task.dueAt).toEqual(
        dueDate(friday, c.score <= 6 ? 2 : c.score <= 8 ? 3 : 4, 'Europe/Amsterdam'),
      );
    }
  });

  it("uses the tenant's time zone", async () => {
    const t = await makeTenant();
    await adminDb.tenant.update({ where: { id: t.tenant.id }, data: { timeZone: 'America/New_York' } });
    // Saturday 7 March 2026 03:00 UTC is still Friday evening in New York -> Tuesday there.
    const { payload } = await answer(t, {
      owner: t.am.membershipId,
      score: 2,
      submittedAt: new Date('2026-03-07T03:00:00Z'),
    });
    const { taskId } = (await createTaskForResponse(payload))!;
    const task = await adminDb.followUpTask.findFirstOrThrow({
      where: { tenantId: t.tenant.id, id: taskId },
    });
    expect(task.dueAt.toISOString()).toBe('2026-03-11T03:59:59.999Z'); // Tuesday 23:59:59.999 EDT
  });
});

describe('the alert email', () => {
  it('goes to the assignee in their language with score, comment, company and the task link; once', async () => {
    const t = await makeTenant();
    await adminDb.user.update({ where: { id: t.am.userId }, data: { locale: 'nl' } });
    const { payload, company, touchpoint } = await answer(t, {
      owner: t.am.membershipId,
      score: 3,
      comment: 'Levering was te laat',
    });
    const { taskId } = (await createTaskForResponse(payload))!;
    expect(await sendTaskAlert({ tenantId: t.tenant.id, taskId })).toBe('sent');
    expect(await sendTaskAlert({ tenantId: t.tenant.id, taskId })).toBe('not-claimed');
    const mails = mailsTo(t.am.email);
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.subject).toMatch(new RegExp(`^Criticaster 3/10 van ${company!.name}: opvolgen vóór `));
    expect(m.text).toContain('Score: 3/10 (Criticaster)');
    expect(m.text).toContain('Opmerking: Levering was te laat');
    expect(m.text).toContain(`${APP_URL}/tasks/${taskId}`);
    expect(m.text).toContain(touchpoint.name);
    expect(m.text).toContain('Handel snel');
    // The link carries the mail's language, so the page it opens speaks it too.
    expect(m.html).toContain(`href="${APP_URL}/tasks/${taskId}?lang=nl"`);
    expect(m.html).toContain('lang="nl"');
    expect(
      (await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: taskId } }))
        .alertSentAt,
    ).toBeInstanceOf(Date);
  });

  it('is in English for an English assignee, and sent once through the outbox even when drained twice', async () => {
    const t = await makeTenant();
    await adminDb.user.update({ where: { id: t.admin.userId }, data: { locale: 'en' } });
    const { payload } = await answer(t, { owner: t.admin.membershipId, score: 9, comment: null });
    await createTaskForResponse(payload);
    // Two drains at once may run the same alert job twice: the loser meets the live lease and fails
    // (the worker retries it later), it never sends a second mail.
    const drains = await Promise.allSettled([drainOutbox(t.tenant.id), drainOutbox(t.tenant.id)]);
    for (const d of drains) if (d.status === 'rejected') expect(d.reason).toBeInstanceOf(AlertLeaseHeldError);
    await drainOutbox(t.tenant.id);
    const mails = mailsTo(t.admin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Promoter 9\/10 from .+: follow up by /);
    expect(mails[0]!.text).toContain('(no comment)');
  });

  it('sends once when the alert job runs five times at once', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId, score: 7 });
    const { taskId } = (await createTaskForResponse(payload))!;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => sendTaskAlert({ tenantId: t.tenant.id, taskId })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'sent')).toHaveLength(1);
    // The others saw it sent, or met the live lease and would be retried (a retry then sees it sent).
    for (const o of outcomes)
      if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(AlertLeaseHeldError);
    expect(await sendTaskAlert({ tenantId: t.tenant.id, taskId })).toBe('not-claimed');
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(t.am.email)).toHaveLength(1);
  });
});

describe('working a task', () => {
  it('OPEN -> IN_PROGRESS -> DONE with notes, and an audit trail with actors', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId, score: 4 });
    const { taskId } = (await createTaskForResponse(payload))!;

    const started = await setTaskStatus(t.am.ctx, taskId, { status: 'IN_PROGRESS' });
    expect(started.status).toBe('IN_PROGRESS');
    expect(started.startedAt).toBeInstanceOf(Date);
    expect(started.closedAt).toBeNull();
    // Setting the same status again changes nothing and writes no audit row.
    await setTaskStatus(t.am.ctx, taskId, { status: 'IN_PROGRESS' });

    await addTaskNote(t.am.ctx, taskId, { body: 'Called Jan, delivery issue confirmed.' });
    await addTaskNote(t.admin.ctx, taskId, { body: 'Escalated to logistics.' });

    const done = await setTaskStatus(t.am.ctx, taskId, { status: 'DONE' });
    expect(done.status).toBe('DONE');
    expect(done.closedAt).toBeInstanceOf(Date);
    expect(done.startedAt).toEqual(started.startedAt);

    const task = await getTask(t.am.ctx, taskId);
    expect(task.notes.map((n) => n.body)).toEqual([
      'Called Jan, delivery issue confirmed.',
      'Escalated to logistics.',
    ]);
    expect(task.notes.map((n) => n.authorMembershipId)).toEqual([t.am.membershipId, t.admin.membershipId]);
    const amName = (await adminDb.user.findUniqueOrThrow({ where: { id: t.am.userId } })).name;
    const adminName = (await adminDb.user.findUniqueOrThrow({ where: { id: t.admin.userId } })).name;
    expect(
      task.trail.map((e) => [
        e.action,
        e.actor,
        e.data && 'from' in e.data ? `${e.data.from}->${e.data.to}` : null,
      ]),
    ).toEqual([
      ['task.created', null, null],
      ['task.status', amName, 'OPEN->IN_PROGRESS'],
      ['task.note', amName, null],
      ['task.note', adminName, null],
      ['task.status', amName, 'IN_PROGRESS->DONE'],
    ]);
    expect(task.trail[0]!.data).toMatchObject({
      category: 'DETRACTOR',
      score: 4,
      assigneeMembershipId: t.am.membershipId,
    });

    // Reopening clears closedAt and keeps startedAt.
    const reopened = await setTaskStatus(t.admin.ctx, taskId, { status: 'OPEN' });
    expect(reopened.closedAt).toBeNull();
    expect(reopened.startedAt).toEqual(started.startedAt);
  });

  it('refuses an unknown status and an empty note (400)', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId });
    const { taskId } = (await createTaskForResponse(payload))!;
    await expect(setTaskStatus(t.am.ctx, taskId, { status: 'CLOSED' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    });
    await expect(addTaskNote(t.am.ctx, taskId, { body: '   ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
    });
    expect(await adminDb.taskNote.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it("lists the account manager's tasks: open first, overdue flagged, filtered by category", async () => {
    const t = await makeTenant();
    const mk = async (score: number) =>
      (await createTaskForResponse((await answer(t, { owner: t.am.membershipId, score })).payload))!.taskId;
    const detractor = await mk(2);
    const passive = await mk(8);
    const promoter = await mk(10);
    const doneOne = await mk(1);
    const others = await createTaskForResponse(
      (await answer(t, { owner: t.admin.membershipId, score: 0 })).payload,
    );
    const where = (id: string) => ({ tenantId_id: { tenantId: t.tenant.id, id } });
    await adminDb.followUpTask.update({
      where: where(passive),
      data: { dueAt: new Date(Date.now() - 3_600_000) },
    });
    await adminDb.followUpTask.update({
      where: where(doneOne),
      data: { dueAt: new Date(Date.now() - 7_200_000) },
    });
    await setTaskStatus(t.am.ctx, doneOne, { status: 'DONE' });

    const open = await listTasks(t.am.ctx);
    expect(open.scope).toBe('mine');
    expect(open.tasks.map((x) => x.id).sort()).toEqual([detractor, passive, promoter].sort());
    expect(open.tasks[0]!.id).toBe(passive); // the overdue one is due first
    expect(open.tasks.find((x) => x.id === passive)!.overdue).toBe(true);
    expect(open.tasks.filter((x) => x.id !== passive).every((x) => !x.overdue)).toBe(true);

    const any = await listTasks(t.am.ctx, { status: 'any' });
    expect(any.tasks).toHaveLength(4);
    expect(any.tasks.at(-1)!.id).toBe(doneOne); // done last, although it was due earliest
    expect(any.tasks.at(-1)!.overdue).toBe(false); // a done task is never overdue
    expect(any.tasks.slice(0, 3).every((x) => x.status !== 'DONE')).toBe(true);

    const done = await listTasks(t.am.ctx, { status: 'done' });
    expect(done.tasks.map((x) => x.id)).toEqual([doneOne]);

    const detractors = await listTasks(t.am.ctx, { category: 'DETRACTOR', status: 'any' });
    expect(detractors.tasks.map((x) => x.id).sort()).toEqual([detractor, doneOne].sort());
    expect((await listTasks(t.am.ctx, { category: 'PROMOTER' })).tasks.map((x) => x.id)).toEqual([promoter]);
    expect((await listTasks(t.am.ctx, { category: 'NONSENSE' as never })).tasks).toHaveLength(3);

    // A CX manager sees everyone's tasks with scope all; the AM never sees the admin's.
    const all = await listTasks(t.admin.ctx, { scope: 'all', status: 'any' });
    expect(all.scope).toBe('all');
    expect(all.tasks).toHaveLength(5);
    expect(open.tasks.map((x) => x.id)).not.toContain(others!.taskId);
  });
});

describe('reassigning a task', () => {
  it('hands it to an account manager, who gets the alert; the first assignee is not alerted again', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const { payload } = await answer(t, { owner: t.am.membershipId, score: 2 });
    const { taskId } = (await createTaskForResponse(payload))!;
    await drainOutbox(t.tenant.id);
    expect(mailsTo(t.am.email)).toHaveLength(1);

    const updated = await reassignTask(t.admin.ctx, taskId, { membershipId: am2.membershipId });
    expect(updated).toMatchObject({
      assigneeMembershipId: am2.membershipId,
      alertSentAt: null,
      alertLeaseUntil: null,
    });
    // The alert leaves with the change, through the outbox.
    const events = await adminDb.outboxEvent.findMany({
      where: { tenantId: t.tenant.id, type: 'task.alert', publishedAt: null },
    });
    expect(events.map((e) => e.payload)).toEqual([{ tenantId: t.tenant.id, taskId }]);
    const results = await drainOutbox(t.tenant.id);
    expect(results).toEqual([{ type: 'task.alert', result: 'sent' }]);
    expect(mailsTo(am2.email)).toHaveLength(1);
    expect(mailsTo(am2.email)[0]!.text).toContain(`${APP_URL}/tasks/${taskId}`);
    expect(mailsTo(t.am.email)).toHaveLength(1);
    expect(
      await adminDb.auditLog.count({
        where: { tenantId: t.tenant.id, action: 'task.reassigned', entityId: taskId },
      }),
    ).toBe(1);

    // The new assignee works it now; the old one cannot.
    await setTaskStatus(am2.ctx, taskId, { status: 'IN_PROGRESS' });
    await expect(setTaskStatus(t.am.ctx, taskId, { status: 'DONE' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("refuses a viewer and an unknown member with a 400 on membershipId, in the caller's language", async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId });
    const { taskId } = (await createTaskForResponse(payload))!;
    const nl = { ...t.admin.ctx, locale: 'nl' as const };
    const viewer = await reassignTask(nl, taskId, { membershipId: t.viewer.membershipId }).catch(
      (e: unknown) => e,
    );
    expect(viewer).toBeInstanceOf(AppError);
    expect(viewer).toMatchObject({
      status: 400,
      details: { fields: { membershipId: expect.stringContaining('kan geen opvolgtaken') } },
    });
    const unknown = await reassignTask(t.admin.ctx, taskId, { membershipId: crypto.randomUUID() }).catch(
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ status: 400, details: { fields: { membershipId: 'unknown member' } } });
    // Nothing changed and nobody was alerted.
    const task = await adminDb.followUpTask.findFirstOrThrow({
      where: { tenantId: t.tenant.id, id: taskId },
    });
    expect(task.assigneeMembershipId).toBe(t.am.membershipId);
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'task.alert' } })).toBe(1);
    expect(
      await adminDb.auditLog.count({ where: { tenantId: t.tenant.id, action: 'task.reassigned' } }),
    ).toBe(0);
  });

  it('may go to an owner or admin too, and only a CX manager may reassign', async () => {
    const t = await makeTenant();
    const { payload } = await answer(t, { owner: t.am.membershipId });
    const { taskId } = (await createTaskForResponse(payload))!;
    await reassignTask(t.admin.ctx, taskId, { membershipId: t.owner.membershipId });
    await reassignTask(t.owner.ctx, taskId, { membershipId: t.admin.membershipId });
    await expect(reassignTask(t.am.ctx, taskId, { membershipId: t.am.membershipId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id, id: taskId } }))
        .assigneeMembershipId,
    ).toBe(t.admin.membershipId);
  });
});
