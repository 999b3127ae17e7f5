// The reply to the customer (issue 9 item 3): templates per category and language, through the
// outbox and the real SMTP sink with Reply-To the account manager, delivery state on the task,
// refusals for bounced and unsubscribed contacts, calls as contact, and praise shared with members.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import {
  listCustomerContacts,
  logCustomerContact,
  replyDraft,
  sendReply,
  sharePraise,
} from '../../lib/followup/reply';
import { setTaskStatus } from '../../lib/followup/tasks';
import { adminDb } from '../support/db';
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
import { createTaskForResponse } from '../../lib/followup/create-task';
import { sink } from '../support/sink';

async function taskFor(
  t: TestTenant,
  score: number,
  contact: { locale?: 'nl' | 'en'; unsubscribed?: boolean; bounced?: boolean; email?: string } = {},
  comment: string | null = 'Great support from Femke',
) {
  const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId, name: 'Bakkerij Brood' });
  let c = await makeContact(t, {
    companyId: company.id,
    locale: contact.locale,
    unsubscribed: contact.unsubscribed,
  });
  if (contact.bounced || contact.email)
    c = await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: c.id } },
      data: {
        bouncedAt: contact.bounced ? new Date() : null,
        ...(contact.email ? { email: contact.email } : {}),
      },
    });
  const s = await makeSurvey(t);
  const response = await makeResponse(t, { survey: s.survey, contact: c, score, comment });
  const r = await createTaskForResponse({ tenantId: t.tenant.id, responseId: response.id });
  await adminDb.outboxEvent.updateMany({
    where: { tenantId: t.tenant.id },
    data: { publishedAt: new Date() },
  });
  return { taskId: r!.taskId, contact: c };
}

const mailsTo = (email: string) => sink().messages.filter((m) => m.to.includes(email.toLowerCase()));

describe('the reply to the customer', () => {
  it('drafts per category in the contact’s language: apology + call, what earns a 9, thanks + reference', async () => {
    const t = await makeTenant();
    const d = await replyDraft(t.am.ctx, (await taskFor(t, 3, { locale: 'nl' })).taskId);
    expect(d.locale).toBe('nl');
    expect(d.subject).toMatch(/excuses/);
    expect(d.body).toMatch(/bellen/);
    const p = await replyDraft(t.am.ctx, (await taskFor(t, 8, { locale: 'en' })).taskId);
    expect(p.body).toMatch(/9 or a 10/);
    const pr = await replyDraft(t.am.ctx, (await taskFor(t, 10, { locale: 'en' })).taskId);
    expect(pr.body).toMatch(/reference/);
    expect(pr.body).toMatch(/review/);
    expect(pr.replyTo).toBe(t.am.email);
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`sends the edited reply through the outbox and the SMTP sink in ${locale}, Reply-To the account manager`, async () => {
      const t = await makeTenant({ name: `Installatiebedrijf ${locale}` });
      const { taskId, contact } = await taskFor(t, 4, { locale });
      const draft = await replyDraft(t.am.ctx, taskId);
      const body = `${draft.body}\n\nPS: edited by hand`;
      const row = await sendReply(t.am.ctx, taskId, { subject: draft.subject, body });
      expect(row.state).toBe('QUEUED');
      expect(mailsTo(contact.email)).toHaveLength(0);
      await drainOutbox(t.tenant.id);
      const [mail] = mailsTo(contact.email);
      expect(mail!.subject).toBe(draft.subject);
      expect(mail!.text).toContain('PS: edited by hand');
      expect(mail!.text).toContain(locale === 'nl' ? 'Beste' : 'Dear');
      expect(mail!.headers['reply-to']).toContain(t.am.email);
      expect(mail!.headers.from).toContain(`Installatiebedrijf ${locale}`);
      const { contacts } = await listCustomerContacts(t.am.ctx, taskId);
      expect(contacts).toMatchObject([{ kind: 'EMAIL', state: 'SENT', toEmail: contact.email }]);
      const task = await adminDb.followUpTask.findUniqueOrThrow({
        where: { tenantId_id: { tenantId: t.tenant.id, id: taskId } },
      });
      // Contacted is stamped; closed is a separate, later moment.
      expect(task.contactedAt).not.toBeNull();
      expect(task.closedAt).toBeNull();
      // A re-run of the job does not send twice.
      await drainOutbox(t.tenant.id);
      const { deliverReply } = await import('../../lib/followup/reply');
      expect(await deliverReply({ tenantId: t.tenant.id, customerContactId: row.id })).toBe('not-claimed');
      expect(mailsTo(contact.email)).toHaveLength(1);
    });
  }

  it('refuses a reply to a bounced contact, and to an unsubscribed one unless it answers a detractor', async () => {
    const t = await makeTenant();
    const bounced = await taskFor(t, 2, { bounced: true });
    const unsubPassive = await taskFor(t, 7, { unsubscribed: true });
    const unsubDetractor = await taskFor(t, 2, { unsubscribed: true });
    const fields = async (id: string) => {
      const e = await sendReply(t.am.ctx, id, { subject: 'Hi', body: 'Hello' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError & { details: { fields: Record<string, string> } }).details.fields;
    };
    expect(await fields(bounced.taskId)).toEqual({ body: expect.stringMatching(/bounced/) });
    expect(await fields(unsubPassive.taskId)).toEqual({ body: expect.stringMatching(/unsubscribed/) });
    expect((await replyDraft(t.am.ctx, unsubPassive.taskId)).refusal).toBe('unsubscribed');
    // A detractor's complaint gets its service reply, unsubscribed or not.
    expect((await replyDraft(t.am.ctx, unsubDetractor.taskId)).serviceReply).toBe(true);
    await sendReply(t.am.ctx, unsubDetractor.taskId, { subject: 'Sorry', body: 'Can I call you?' });
    await drainOutbox(t.tenant.id);
    expect(mailsTo(unsubDetractor.contact.email)).toHaveLength(1);
    expect(await adminDb.customerContact.count({ where: { tenantId: t.tenant.id } })).toBe(1);
  });

  it('a permanent SMTP refusal fails the reply with its reason and marks the contact bounced', async () => {
    const t = await makeTenant();
    const { taskId, contact } = await taskFor(t, 3, { email: `bounce-${Date.now()}@customer.example` });
    await sendReply(t.am.ctx, taskId, { subject: 'Sorry', body: 'Can I call you?' });
    await drainOutbox(t.tenant.id);
    const { contacts } = await listCustomerContacts(t.am.ctx, taskId);
    expect(contacts[0]).toMatchObject({
      state: 'FAILED',
      failureReason: expect.stringMatching(/No such user/),
    });
    const c = await adminDb.contact.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
    });
    expect(c.bouncedAt).not.toBeNull();
    const task = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: taskId } },
    });
    expect(task.contactedAt).toBeNull();
  });

  it('a logged call marks the customer contacted; closing is a separate moment', async () => {
    const t = await makeTenant();
    const { taskId } = await taskFor(t, 9);
    const at = new Date('2026-11-30T10:00:00Z');
    await logCustomerContact(t.am.ctx, taskId, { kind: 'CALL', body: 'Called, all good' }, at);
    await logCustomerContact(
      t.am.ctx,
      taskId,
      { kind: 'MEETING', body: 'Visited' },
      new Date('2026-12-01T10:00:00Z'),
    );
    await setTaskStatus(t.am.ctx, taskId, { status: 'DONE' });
    const task = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: taskId } },
    });
    expect(task.contactedAt).toEqual(at);
    expect(task.closedAt!.getTime()).toBeGreaterThan(at.getTime());
    await expect(logCustomerContact(t.am.ctx, taskId, { kind: 'LETTER', body: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('only the assignee or a CX manager replies; other organisations see nothing', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const { taskId } = await taskFor(t, 3);
    await expect(sendReply(am2.ctx, taskId, { subject: 'x', body: 'y' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(sendReply(t.viewer.ctx, taskId, { subject: 'x', body: 'y' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sendReply(other.admin.ctx, taskId, { subject: 'x', body: 'y' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(replyDraft(other.admin.ctx, taskId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await sendReply(t.admin.ctx, taskId, { subject: 'x', body: 'y' });
  });

  it('praise travels: a promoter’s comment mailed to the chosen colleagues, in their language', async () => {
    const t = await makeTenant();
    const femke = await addMember(t, 'ACCOUNT_MANAGER', 'femke');
    await adminDb.user.update({ where: { id: femke.userId }, data: { locale: 'nl' } });
    await adminDb.user.update({ where: { id: t.owner.userId }, data: { locale: 'en' } });
    const { taskId } = await taskFor(t, 10, {}, 'Femke was fantastic');
    await sharePraise(t.am.ctx, taskId, {
      memberIds: [femke.membershipId, t.owner.membershipId],
      note: 'Well done!',
    });
    await drainOutbox(t.tenant.id);
    const [toFemke] = mailsTo(femke.email);
    expect(toFemke!.subject).toMatch(/compliment van Bakkerij Brood/);
    expect(toFemke!.text).toContain('Femke was fantastic');
    expect(toFemke!.text).toContain('Well done!');
    expect(mailsTo(t.owner.email)[0]!.subject).toMatch(/compliment from Bakkerij Brood/);
    expect((await listCustomerContacts(t.am.ctx, taskId)).shares).toHaveLength(1);
    const detractor = await taskFor(t, 2);
    await expect(
      sharePraise(t.am.ctx, detractor.taskId, { memberIds: [femke.membershipId] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const other = await makeTenant();
    await expect(sharePraise(t.am.ctx, taskId, { memberIds: [other.am.membershipId] })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    );
  });
});
