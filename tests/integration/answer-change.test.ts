import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
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
    expect(results.map((r) => r.type)).toEqual(['response.changed', 'task.alert']);
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
    expect((await drainOutbox(t.tenant.id)).map((r) => r.type)).toEqual(['response.changed']);
    expect((await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).category).toBe(
      'PASSIVE',
    );
    await submitAnswer(token, { score: 7 });
    expect(await drainOutbox(t.tenant.id)).toEqual([]);
    expect(sink().messages.filter((m) => m.to.includes(t.am.email))).toHaveLength(1);
  });

  it('a done task is left alone', async () => {
    const { t, token } = await answered();
    await submitAnswer(token, { score: 9 });
    await drainOutbox(t.tenant.id);
    await adminDb.followUpTask.updateMany({
      where: { tenantId: t.tenant.id },
      data: { status: 'DONE', closedAt: new Date() },
    });
    await submitAnswer(token, { score: 2 });
    await drainOutbox(t.tenant.id);
    expect(await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } })).toMatchObject({
      status: 'DONE',
      category: 'PROMOTER',
    });
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
