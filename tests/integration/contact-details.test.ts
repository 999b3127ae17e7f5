import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { importCompaniesCsv, importContactsCsv } from '../../lib/contacts/import';
import { createCompany, createContact } from '../../lib/contacts/service';
import { sendSurvey } from '../../lib/distribution/distribute';
import { sendInvitation } from '../../lib/distribution/send';
import { sendTaskAlert } from '../../lib/followup/alert';
import { createTaskForResponse } from '../../lib/followup/create-task';
import { getTask } from '../../lib/followup/tasks';
import { updateTenantSettings } from '../../lib/tenancy/service';
import {
  makeCompany,
  makeContact,
  makeResponse,
  makeSurvey,
  makeTenant,
  uid,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

const nl = (ctx: TestTenant['admin']['ctx']) => ({ ...ctx, locale: 'nl' as const });

const SETTINGS = {
  name: 'Acme',
  senderName: 'Acme',
  defaultLocale: 'en',
  timeZone: 'Europe/Amsterdam',
  throttleDays: 90,
  slaDetractorDays: 2,
  slaPassiveDays: 5,
  slaPromoterDays: 7,
} as const;

describe('phone numbers of contacts and companies', () => {
  it('are stored as E.164; a Dutch number may leave out the country code', async () => {
    const t = await makeTenant();
    const c = await createContact(t.admin.ctx, { email: `p-${uid()}@x.example`, phone: '06 1234 5678' });
    expect(c.phone).toBe('+31612345678');
    const co = await createCompany(t.admin.ctx, { name: `Co ${uid()}`, phone: '+32 2 511 11 11' });
    expect(co.phone).toBe('+3225111111');
    // A blank phone in a later save keeps the stored one (as every blank field does).
    const again = await createContact(t.admin.ctx, { email: c.email, phone: '' });
    expect(again.phone).toBe('+31612345678');
  });

  it('a bad number is a 400 naming the phone field, in the user’s language', async () => {
    const t = await makeTenant();
    await expect(
      createContact(t.admin.ctx, { email: `p-${uid()}@x.example`, phone: '12345' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
      details: { fields: { phone: expect.stringContaining('not a valid phone number') } },
    });
    await expect(createCompany(nl(t.admin.ctx), { name: 'X BV', phone: 'bel me' })).rejects.toMatchObject({
      status: 400,
      details: { fields: { phone: expect.stringContaining('geen geldig telefoonnummer') } },
    });
    // Nothing was written.
    expect(await adminDb.company.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it('the CSV imports read a phone column and name a bad number on its line', async () => {
    const t = await makeTenant();
    const ok = await importCompaniesCsv(t.admin.ctx, 'name;external_id;telefoon\nAlfa;A1;020 123 4567\n');
    expect(ok).toMatchObject({ ok: true, created: 1 });
    const alfa = await adminDb.company.findFirstOrThrow({
      where: { tenantId: t.tenant.id, externalId: 'A1' },
    });
    expect(alfa.phone).toBe('+31201234567');
    const bad = await importContactsCsv(
      t.admin.ctx,
      `email,phone,company\na-${uid()}@x.example,+31 6 1234 5678,A1\nb-${uid()}@x.example,999,A1\n`,
    );
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([{ line: 3, field: 'phone', message: expect.stringContaining('phone') }]);
  });

  it('the follow-up shows the contact’s email and phone, and so does the alert email (tel: link)', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    const contact = await makeContact(t, { companyId: company.id });
    await adminDb.contact.update({
      where: { tenantId_id: { tenantId: t.tenant.id, id: contact.id } },
      data: { phone: '+31201234567' },
    });
    const { survey } = await makeSurvey(t);
    const response = await makeResponse(t, { survey, contact, score: 2 });
    const { taskId } = (await createTaskForResponse({ tenantId: t.tenant.id, responseId: response.id }))!;
    const task = await getTask(t.am.ctx, taskId);
    expect(task.response.contact).toMatchObject({ email: contact.email, phone: '+31201234567' });
    expect(await sendTaskAlert({ tenantId: t.tenant.id, taskId })).toBe('sent');
    const mail = await sink().waitFor((m) => m.to.includes(t.am.email.toLowerCase()));
    expect(mail.html).toContain('href="tel:+31201234567"');
    expect(mail.html).toContain(`href="mailto:${contact.email}"`);
    expect(mail.text).toContain('Telefoon: +31 20 123 4567');
    expect(mail.text).toContain(`E-mail: ${contact.email}`);
  });
});

describe('Reply-To of survey invitations', () => {
  /** Sends one invitation to a new contact (of `company`, or of none) and returns the email as received. */
  async function invite(t: TestTenant, companyId: string | null) {
    const { survey } = await makeSurvey(t);
    const contact = await makeContact(t, companyId ? { companyId } : {});
    await sendSurvey(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'contacts', contactIds: [contact.id] },
    });
    const inv = await adminDb.invitation.findFirstOrThrow({
      where: { tenantId: t.tenant.id, contactId: contact.id },
    });
    expect(await sendInvitation({ tenantId: t.tenant.id, invitationId: inv.id })).toBe('sent');
    return sink().waitFor((m) => m.to.includes(contact.email));
  }

  it('by default: the company’s account manager', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    const mail = await invite(t, company.id);
    expect(mail.headers['reply-to']).toContain(`<${t.am.email}>`);
    expect(mail.headers['reply-to']).toContain('am ');
  });

  it('without an account manager: the shared address when set, else the first CX manager', async () => {
    const t = await makeTenant();
    const orphan = await makeCompany(t);
    expect((await invite(t, orphan.id)).headers['reply-to']).toContain(`<${t.admin.email}>`);
    expect((await invite(t, null)).headers['reply-to']).toContain(`<${t.admin.email}>`);
    await updateTenantSettings(t.owner.ctx, {
      ...SETTINGS,
      replyToMode: 'ACCOUNT_MANAGER',
      replyToAddress: 'Feedback@Acme.example',
    });
    expect((await invite(t, orphan.id)).headers['reply-to']).toBe('feedback@acme.example');
    // A company with an account manager still gets them.
    const owned = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    expect((await invite(t, owned.id)).headers['reply-to']).toContain(`<${t.am.email}>`);
  });

  it('a shared address for every invitation, or none at all', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    await updateTenantSettings(t.admin.ctx, {
      ...SETTINGS,
      replyToMode: 'SHARED',
      replyToAddress: 'klantenservice@acme.example',
    });
    expect((await invite(t, company.id)).headers['reply-to']).toBe('klantenservice@acme.example');
    await updateTenantSettings(t.admin.ctx, { ...SETTINGS, replyToMode: 'NONE', replyToAddress: '' });
    expect((await invite(t, company.id)).headers['reply-to']).toBeUndefined();
  });

  it('a shared mode without an address is a 400 on that field; settings without the mode keep it', async () => {
    const t = await makeTenant();
    await expect(
      updateTenantSettings(nl(t.admin.ctx), { ...SETTINGS, replyToMode: 'SHARED', replyToAddress: '' }),
    ).rejects.toMatchObject({
      status: 400,
      details: { fields: { replyToAddress: 'vul het gedeelde adres in waar antwoorden naartoe gaan' } },
    });
    await expect(
      updateTenantSettings(t.admin.ctx, { ...SETTINGS, replyToMode: 'SHARED', replyToAddress: 'nope' }),
    ).rejects.toMatchObject({ status: 400, details: { fields: { replyToAddress: expect.any(String) } } });
    await updateTenantSettings(t.admin.ctx, { ...SETTINGS, replyToMode: 'NONE' });
    await updateTenantSettings(t.admin.ctx, SETTINGS);
    expect((await adminDb.tenant.findUniqueOrThrow({ where: { id: t.tenant.id } })).replyToMode).toBe('NONE');
    // Only owners and CX managers change it.
    await expect(updateTenantSettings(t.am.ctx, SETTINGS)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
