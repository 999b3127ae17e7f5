// The flip guard: a respondent who changes their answer back and forth re-alerts the account manager
// at most once per follow-up per hour, and the history still records every change. The hour is moved
// by dating the last re-alert back (never by sleeping).
import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { getTask } from '../../lib/followup/tasks';
import { submitAnswer } from '../../lib/responses/public';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeInvitation,
  makeSurvey,
  makeTenant,
} from '../support/factories';
import { sink } from '../support/sink';

describe('a respondent flipping their answer', () => {
  it('re-alerts at most once per hour, and every change is in the history', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    const contact = await makeContact(t, { companyId: company.id });
    const { survey } = await makeSurvey(t);
    const { token } = await makeInvitation(t, {
      surveyId: survey.id,
      contactId: contact.id,
      companyId: company.id,
    });
    const alerts = () => sink().messages.filter((m) => m.to.includes(t.am.email));
    const answer = async (score: number) => {
      await submitAnswer(token, { score });
      await drainOutbox(t.tenant.id);
    };

    await answer(10); // the first alert
    expect(alerts()).toHaveLength(1);
    await answer(3); // worse: re-alerted
    await sink().waitFor((m) => m.to.includes(t.am.email) && m.subject.includes('3/10'));
    expect(alerts()).toHaveLength(2);
    await answer(10);
    await answer(2); // worse again within the hour: held
    await answer(9);
    await answer(1); // and again: held
    expect(alerts()).toHaveLength(2);

    // Three quick flips before any job runs: each is still in the history.
    await submitAnswer(token, { score: 10 });
    await submitAnswer(token, { score: 4 });
    await submitAnswer(token, { score: 9 });
    await drainOutbox(t.tenant.id);
    expect(alerts()).toHaveLength(2);

    // An hour after the last re-alert the next worse change alerts again, once.
    const task = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    expect(task.category).toBe('PROMOTER');
    await adminDb.followUpTask.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: task.id } },
      data: { realertedAt: new Date(task.realertedAt!.getTime() - 61 * 60_000) },
    });
    await answer(0);
    await sink().waitFor((m) => m.to.includes(t.am.email) && m.subject.includes('0/10'));
    await answer(10);
    await answer(5);
    expect(alerts()).toHaveLength(3);

    // The history: every score the respondent gave, and each category change with what it did.
    const changes = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, action: 'response.changed' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((c) => (c.data as { toScore: number }).toScore)).toEqual([
      3, 10, 2, 9, 1, 10, 4, 9, 0, 10, 5,
    ]);
    const recategorized = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, entityId: task.id, action: 'task.recategorized' },
      orderBy: { id: 'asc' },
    });
    // The three quick flips were synced as one (10 -> 4 -> 9 ended where it began: nothing to sync).
    expect(recategorized.map((r) => (r.data as { alert: string }).alert)).toEqual([
      'sent',
      'none',
      'held',
      'none',
      'held',
      'none',
      'sent',
      'none',
      'held',
    ]);
    // The follow-up's page shows them all, in time order.
    const detail = await getTask(t.am.ctx, task.id);
    expect(detail.trail.filter((e) => e.action === 'response.changed')).toHaveLength(11);
    expect(detail.trail.filter((e) => e.action === 'task.recategorized')).toHaveLength(9);
    const ids = detail.trail.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });
});
