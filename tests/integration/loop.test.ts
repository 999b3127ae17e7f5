import { describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';

import { submitAnswer, loadSurvey } from '../../lib/responses/public';
import {
  drainOutbox,
  makeCompany,
  makeContact,
  makeSurvey,
  makeTenant,
  previewAndSend,
  TOKEN_IN_MAIL,
} from '../support/factories';
import { sink } from '../support/sink';

describe('the closed loop through services, outbox handlers and SMTP', () => {
  it('sends an invitation, records the answer, creates one task and alerts its owner', async () => {
    const t = await makeTenant();
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    const contact = await makeContact(t, { companyId: company.id, locale: 'nl' });
    const { survey } = await makeSurvey(t);

    const summary = await previewAndSend(t.admin.ctx, {
      surveyId: survey.id,
      audience: { type: 'companies', companyIds: [company.id] },
    });
    expect(summary).toMatchObject({ total: 1, queued: 1 });
    await drainOutbox(t.tenant.id);

    const invite = await sink().waitFor((m) => m.to.includes(contact.email));
    expect(invite.subject).toContain(t.tenant.senderName);
    expect(invite.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const token = TOKEN_IN_MAIL.exec(invite.text)![1]!;
    for (let s = 0; s <= 10; s++) expect(invite.text).toContain(`/s/${token}?score=${s}`);
    const inv = await adminDb.invitation.findFirstOrThrow({
      where: { tenantId: t.tenant.id, contactId: contact.id },
    });
    expect(inv.status).toBe('SENT');
    expect(inv.tokenHash).not.toContain(token.split('.')[1]);

    const view = await loadSurvey(token);
    expect(view?.locale).toBe('nl');
    expect(view?.texts.question).toContain(t.tenant.senderName);

    await submitAnswer(token, { score: 6, comment: 'Te traag' });
    await drainOutbox(t.tenant.id);
    const task = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: t.tenant.id } });
    expect(task).toMatchObject({
      category: 'DETRACTOR',
      assigneeMembershipId: t.am.membershipId,
      status: 'OPEN',
    });
    const alert = await sink().waitFor((m) => m.to.includes(t.am.email));
    expect(alert.text).toContain('Te traag');
    expect(alert.text).toContain(`/tasks/${task.id}`);
  });
});
