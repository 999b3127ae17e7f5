import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { dueDate } from '../../lib/followup/sla';
import { syncTaskWithResponse } from '../../lib/followup/sync-task';
import { getTask, listTasks, setTaskStatus } from '../../lib/followup/tasks';
import { submitAnswer, unsubscribe } from '../../lib/responses/public';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeInvitation,
  makeSurvey,
  makeTenant,
} from '../support/factories';
import { sink } from '../support/sink';

async function answered() {
  const t = await makeTenant();
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
  const contact = await makeContact(t, { companyId: company.id });
  const { survey } = await makeSurvey(t);
  const { token, invitation } = await makeInvitation(t, {
    surveyId: survey.id,
    contactId: contact.id,
    companyId: company.id,
  });
  return { t, token, invitation };
}

describe('a respondent changes their answer', () => {
  it('promoter -> detractor: the open task takes the detractor SLA and the assignee is alerted again', async () => {
    const { t, token } = await answered();
    await submitAnswer(token, { score: 10, comment: 'Great' });
    await drainOutbox(t.tenant.id);
    const before = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    expect(before.category).toBe('PROMOTER');
    const alertsBefore = sink().messages.filter((m) => m.to.includes(t.am.email)).length;
    expect(alertsBefore).toBe(1);

    await submitAnswer(token, { score: 3, comment: 'Actually, the invoice was wrong' });
    const results = await drainOutbox(t.tenant.id);
    expect([...new Set(results.map((r) => r.type))]).toEqual(['response.changed', 'task.alert']);
    const after = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    expect(after.category).toBe('DETRACTOR');
    expect(after.dueAt.getTime()).toBeLessThan(before.dueAt.getTime());
    await sink().waitFor((m) => m.to.includes(t.am.email) && m.subject.includes('3/10'));
    const trail = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, entityId: after.id, action: 'task.recategorized' },
    });
    expect(trail).toHaveLength(1);
  });

  it('detractor -> passive updates the task without a second alert; the same category again changes nothing', async () => {
    const { t, token } = await answered();
    await submitAnswer(token, { score: 5 });
    await drainOutbox(t.tenant.id);
    await submitAnswer(token, { score: 8 });
    expect([...new Set((await drainOutbox(t.tenant.id)).map((r) => r.type))]).toEqual(['response.changed']);
    expect((await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).category).toBe(
      'PASSIVE',
    );
    await submitAnswer(token, { score: 7 });
    expect(await drainOutbox(t.tenant.id)).toEqual([]);
    expect(sink().messages.filter((m) => m.to.includes(t.am.email))).toHaveLength(1);
  });

  it('a worse answer after the follow-up was closed reopens it: new SLA, the assignee alerted, history kept', async () => {
    const { t, token } = await answered();
    await submitAnswer(token, { score: 9 });
    await drainOutbox(t.tenant.id);
    const task = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    // The account manager closes it through the service (history: status OPEN -> DONE).
    await setTaskStatus(t.am.ctx, task.id, { status: 'DONE' });

    await submitAnswer(token, { score: 2, comment: 'The fix broke again' });
    const results = await drainOutbox(t.tenant.id);
    expect([...new Set(results.map((r) => r.type))]).toEqual(['response.changed', 'task.alert']);
    expect(results.map((r) => r.result)).toContain('reopened');
    const after = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    const response = await adminDb.response.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    const tenant = await adminDb.tenant.findUniqueOrThrow({ where: { id: t.tenant.id } });
    // The same follow-up, open again, with the detractor deadline counted from the change.
    expect(after).toMatchObject({ id: task.id, status: 'OPEN', category: 'DETRACTOR', closedAt: null });
    expect(after.reopenedAt).toBeInstanceOf(Date);
    expect(after.dueAt).toEqual(dueDate(response.updatedAt, tenant.slaDetractorDays, tenant.timeZone));
    const alert = await sink().waitFor((m) => m.to.includes(t.am.email) && m.subject.startsWith('Heropend'));
    expect(alert.subject).toContain('2/10');
    expect(alert.text).toContain(
      'heeft het antwoord gewijzigd in een lagere score nadat de opvolgtaak was afgesloten',
    );
    expect(alert.text).toContain('The fix broke again');
    // The history: created, closed, reopened (with from, to and the new deadline), in that order.
    const detail = await getTask(t.am.ctx, task.id);
    expect(detail.trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['task.created', 'task.status', 'task.reopened']),
    );
    const reopened = detail.trail.find((e) => e.action === 'task.reopened')!;
    expect(reopened.data).toMatchObject({ from: 'PROMOTER', to: 'DETRACTOR', score: 2 });
    // It is in the account manager's open queue again.
    const { tasks } = await listTasks(t.am.ctx, { status: 'open' });
    expect(tasks.map((x) => x.id)).toEqual([task.id]);
    expect(tasks[0]!.reopened).toBe(true);
    // Running the job again changes nothing and sends nothing.
    const alerts = sink().messages.filter((m) => m.to.includes(t.am.email)).length;
    expect(await syncTaskWithResponse({ tenantId: t.tenant.id, responseId: response.id })).toBe('in-sync');
    await drainOutbox(t.tenant.id);
    expect(sink().messages.filter((m) => m.to.includes(t.am.email))).toHaveLength(alerts);
  });

  it('a better (or equal) answer after the follow-up was closed leaves it closed', async () => {
    const { t, token } = await answered();
    await submitAnswer(token, { score: 4 });
    await drainOutbox(t.tenant.id);
    await adminDb.followUpTask.updateMany({
      where: { tenantId: t.tenant.id },
      data: { status: 'DONE', closedAt: new Date() },
    });
    await submitAnswer(token, { score: 10 });
    await drainOutbox(t.tenant.id);
    expect(await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).toMatchObject({
      status: 'DONE',
      category: 'DETRACTOR',
      reopenedAt: null,
    });
    expect(sink().messages.filter((m) => m.to.includes(t.am.email))).toHaveLength(1);
  });

  it('the comment: omitted keeps it, an emptied box clears it', async () => {
    const { t, token, invitation } = await answered();
    await submitAnswer(token, { score: 8, comment: 'Good' });
    await submitAnswer(token, { score: 9 });
    const where = { tenantId_invitationId: { tenantId: t.tenant.id, invitationId: invitation.id } };
    expect((await adminDb.response.findUniqueOrThrow({ where })).comment).toBe('Good');
    await submitAnswer(token, { score: 9, comment: '' });
    expect((await adminDb.response.findUniqueOrThrow({ where })).comment).toBeNull();
  });

  it('unsubscribing works after the survey link expired, and twice audits once', async () => {
    const { t, token, invitation } = await answered();
    await adminDb.invitation.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: invitation.id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await unsubscribe(token)).unsubscribed).toBe(true);
    await unsubscribe(token);
    expect(
      await adminDb.auditLog.count({ where: { tenantId: t.tenant.id, action: 'contact.unsubscribed' } }),
    ).toBe(1);
  });
});
