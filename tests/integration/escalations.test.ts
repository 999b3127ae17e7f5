// Escalation of follow-ups not started within their deadline, and the account managers' daily digest:
// real Postgres and the SMTP sink, both languages, two scans at once, the clock moved by passing the
// moment to the scan (never by sleeping).
import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { adminDb } from '../support/db';
import { scanDigests } from '../../lib/followup/digest';
import { escalationMoment, scanEscalations, sendEscalation } from '../../lib/followup/escalation';
import { getTask, setTaskStatus } from '../../lib/followup/tasks';
import { messageIdFor } from '../../lib/mail/transport';
import { categoryOf } from '../../lib/nps';
import { submitAnswer } from '../../lib/responses/public';
import {
  addMember,
  drainOutbox,
  makeCompany,
  makeContact,
  makeInvitation,
  makeResponse,
  makeSurvey,
  makeTenant,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

const silent = pino({ level: 'silent' });
const MINUTE = 60_000;
const mailsTo = (email: string) => sink().messages.filter((m) => m.to.includes(email.toLowerCase()));

// The scans look at every tenant of the run's database; events they leave for other tests' tenants
// must not reach the worker processes of later test files.
afterAll(async () => {
  await adminDb.outboxEvent.updateMany({
    where: { publishedAt: null, type: { in: ['task.escalation', 'digest.ready'] } },
    data: { publishedAt: new Date() },
  });
});

async function setLocale(userId: string, locale: 'nl' | 'en') {
  await adminDb.user.update({ where: { id: userId }, data: { locale } });
}

/** A detractor answer whose follow-up is assigned to the account manager (the company's owner). */
async function detractorTask(t: TestTenant, opts: { businessUnitId?: string } = {}) {
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
  if (opts.businessUnitId)
    await adminDb.company.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: company.id } },
      data: { businessUnitId: opts.businessUnitId },
    });
  const contact = await makeContact(t, { companyId: company.id });
  const { survey } = await makeSurvey(t);
  const { token } = await makeInvitation(t, {
    surveyId: survey.id,
    contactId: contact.id,
    companyId: company.id,
  });
  await submitAnswer(token, { score: 3, comment: 'Nobody called back' });
  await drainOutbox(t.tenant.id);
  const task = await adminDb.followUpTask.findFirstOrThrow({
    where: { tenantId: t.tenant.id, companyId: company.id },
  });
  return { task, company };
}

const escalations = (t: TestTenant) =>
  adminDb.taskEscalation.findMany({ where: { tenantId: t.tenant.id }, orderBy: { id: 'asc' } });

describe('escalation of a follow-up not started within its deadline', () => {
  it('reminds the assignee, then tells the business unit’s escalation contact, each once, in their language', async () => {
    const t = await makeTenant();
    const contactPerson = await addMember(t, 'ACCOUNT_MANAGER', 'lead');
    await setLocale(t.am.userId, 'nl');
    await setLocale(contactPerson.userId, 'en');
    const bu = await adminDb.businessUnit.create({
      data: {
        tenantId: t.tenant.id,
        name: 'Installations',
        escalationMembershipId: contactPerson.membershipId,
      },
    });
    const { task } = await detractorTask(t, { businessUnitId: bu.id });

    // Before the deadline: nothing.
    await scanEscalations(new Date(task.dueAt.getTime() - MINUTE), silent);
    expect(await escalations(t)).toEqual([]);

    // Past the deadline, two scans at once: one reminder to the assignee.
    const late = new Date(task.dueAt.getTime() + MINUTE);
    await Promise.all([scanEscalations(late, silent), scanEscalations(late, silent)]);
    await scanEscalations(late, silent);
    let rows = await escalations(t);
    expect(rows.map((r) => [r.step, r.recipientMembershipId])).toEqual([
      ['REMIND_ASSIGNEE', t.am.membershipId],
    ]);
    await drainOutbox(t.tenant.id);
    const reminder = mailsTo(t.am.email).filter(
      (m) => m.headers['message-id'] === messageIdFor('escalation', rows[0]!.id),
    );
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.subject).toMatch(/^Nog niet gestart: Criticaster 3\/10 van /);
    expect(reminder[0]!.text).toContain('opvolgtermijn');

    // A business day after the deadline, two scans at once: the escalation contact is told, once.
    const escalate = new Date(escalationMoment(task.dueAt, t.tenant.timeZone).getTime() + MINUTE);
    await Promise.all([scanEscalations(escalate, silent), scanEscalations(escalate, silent)]);
    await scanEscalations(new Date(escalate.getTime() + 3 * 86_400_000), silent);
    rows = await escalations(t);
    expect(rows.map((r) => [r.step, r.recipientMembershipId])).toEqual([
      ['REMIND_ASSIGNEE', t.am.membershipId],
      ['ESCALATE', contactPerson.membershipId],
    ]);
    await drainOutbox(t.tenant.id);
    const told = mailsTo(contactPerson.email);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toMatch(/^Escalation: the follow-up of .* \(Detractor 3\/10\) is not started$/);
    expect(told[0]!.text).toContain('escalation contact');
    expect(mailsTo(t.am.email).filter((m) => m.subject.startsWith('Nog niet gestart'))).toHaveLength(1);
    // A re-run of a mail job (retry, republished event) sends nothing more.
    expect(await sendEscalation({ tenantId: t.tenant.id, escalationId: rows[1]!.id })).toBe('not-claimed');

    // The follow-up's page shows both steps.
    const detail = await getTask(t.admin.ctx, task.id);
    expect(detail.trail.filter((e) => e.action === 'task.escalated').map((e) => e.data?.step)).toEqual([
      'REMIND_ASSIGNEE',
      'ESCALATE',
    ]);
  });

  it('falls back to the CX managers, leaves started follow-ups alone, and cancels a mail when the work started', async () => {
    const t = await makeTenant();
    const { task } = await detractorTask(t);
    const { task: started } = await detractorTask(t);
    await setTaskStatus(t.am.ctx, started.id, { status: 'IN_PROGRESS' });

    await scanEscalations(new Date(task.dueAt.getTime() + MINUTE), silent);
    await drainOutbox(t.tenant.id);
    const escalate = new Date(escalationMoment(task.dueAt, t.tenant.timeZone).getTime() + MINUTE);
    await scanEscalations(escalate, silent);
    const rows = await escalations(t);
    expect(rows.map((r) => [r.taskId, r.step, r.recipientMembershipId])).toEqual([
      [task.id, 'REMIND_ASSIGNEE', t.am.membershipId],
      [task.id, 'ESCALATE', t.admin.membershipId],
    ]);
    // The account manager starts before the escalation mail leaves: it is cancelled, not sent.
    await setTaskStatus(t.am.ctx, task.id, { status: 'IN_PROGRESS' });
    await drainOutbox(t.tenant.id);
    const after = await escalations(t);
    expect(after[1]!.cancelledAt).not.toBeNull();
    expect(after[1]!.sentAt).toBeNull();
    expect(mailsTo(t.admin.email)).toHaveLength(0);
  });
});

describe('the daily digest of the account managers', () => {
  // Monday 7 December 2026; Amsterdam is UTC+1 in winter.
  const monday = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+01:00`);

  async function task(
    t: TestTenant,
    assignee: string,
    data: { createdAt: Date; dueAt: Date; score: number },
  ) {
    const company = await makeCompany(t, { ownerMembershipId: assignee });
    const contact = await makeContact(t, { companyId: company.id });
    const { survey } = await makeSurvey(t);
    const response = await makeResponse(t, { survey, contact, score: data.score });
    return adminDb.followUpTask.create({
      data: {
        tenantId: t.tenant.id,
        responseId: response.id,
        companyId: company.id,
        assigneeMembershipId: assignee,
        category: categoryOf(data.score),
        createdAt: data.createdAt,
        dueAt: data.dueAt,
      },
    });
  }

  it('at 08:00 on business days, once, only with something in it, in each manager’s language', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const idle = await addMember(t, 'ACCOUNT_MANAGER', 'idle');
    await setLocale(t.am.userId, 'nl');
    await setLocale(am2.userId, 'en');
    const at = monday('08:05');
    const h = (n: number) => new Date(at.getTime() + n * 3_600_000);
    await task(t, t.am.membershipId, { createdAt: h(-100), dueAt: h(-20), score: 2 }); // overdue
    await task(t, t.am.membershipId, { createdAt: h(-90), dueAt: h(10), score: 8 }); // due today
    await task(t, t.am.membershipId, { createdAt: h(-2), dueAt: h(60), score: 10 }); // new
    await task(t, am2.membershipId, { createdAt: h(-200), dueAt: h(-30), score: 5 }); // overdue

    await scanDigests(monday('07:55'), silent);
    expect(await adminDb.digest.count({ where: { tenantId: t.tenant.id } })).toBe(0);

    await Promise.all([scanDigests(at, silent), scanDigests(at, silent)]);
    await scanDigests(monday('16:00'), silent);
    const digests = await adminDb.digest.findMany({ where: { tenantId: t.tenant.id } });
    expect(digests).toHaveLength(3);
    const of = (m: string) => digests.find((d) => d.membershipId === m)!;
    expect(of(t.am.membershipId)).toMatchObject({ newCount: 1, dueTodayCount: 1, overdueCount: 1 });
    expect(of(am2.membershipId)).toMatchObject({ newCount: 0, dueTodayCount: 0, overdueCount: 1 });
    expect(of(idle.membershipId)).toMatchObject({ newCount: 0, dueTodayCount: 0, overdueCount: 0 });
    await drainOutbox(t.tenant.id);

    const nl = mailsTo(t.am.email).filter(
      (m) => m.headers['message-id'] === messageIdFor('digest', of(t.am.membershipId).id),
    );
    expect(nl).toHaveLength(1);
    expect(nl[0]!.subject).toBe('Uw opvolgtaken vandaag: 1 nieuw, 1 vandaag, 1 te laat');
    expect(nl[0]!.text).toContain('Criticaster 2/10');
    const en = mailsTo(am2.email);
    expect(en).toHaveLength(1);
    expect(en[0]!.subject).toBe('Your follow-ups today: 0 new, 0 due today, 1 overdue');
    expect(mailsTo(idle.email)).toHaveLength(0);

    // Saturday: none; the next Monday's digest counts as new only what came after this one.
    await scanDigests(new Date('2026-12-12T09:00:00+01:00'), silent);
    expect(await adminDb.digest.count({ where: { tenantId: t.tenant.id } })).toBe(3);
    await scanDigests(new Date('2026-12-14T08:30:00+01:00'), silent);
    const next = await adminDb.digest.findFirstOrThrow({
      where: { tenantId: t.tenant.id, membershipId: t.am.membershipId, day: new Date('2026-12-14') },
    });
    expect(next.newCount).toBe(0);
  });
});
