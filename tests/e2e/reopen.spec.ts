import { expect, test } from '@playwright/test';
import { seedInvitation, seedTenant, signIn, sql, uid, waitForMail } from './support/fixtures';

/**
 * A worse answer after the follow-up was closed: the customer answers 9, the account manager closes
 * the follow-up, the customer changes to 3; the follow-up is open again in the account manager's
 * queue, marked reopened, with the detractor deadline, an alert email and the change in its history.
 */
test('a worse answer reopens the closed follow-up for the account manager', async ({ browser }) => {
  test.setTimeout(120_000);
  const t = await seedTenant(`Reopen ${uid()}`, { ADMIN: 'Charlie CX', ACCOUNT_MANAGER: 'Avery Account' });
  const am = t.users.ACCOUNT_MANAGER!;
  const inv = await seedInvitation(t, { companyOwner: am.membershipId });
  const company = (
    await sql().query<{ name: string }>(`SELECT name FROM "Company" WHERE "tenantId" = $1 AND id = $2`, [
      t.tenantId,
      inv.companyId,
    ])
  ).rows[0]!.name;

  const customer = await browser.newContext({ javaScriptEnabled: false });
  const survey = await customer.newPage();
  await survey.goto(`/s/${inv.token}?score=9`);
  await survey.getByRole('button', { name: 'Send' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await waitForMail(am.email, (m) => m.subject.includes('9/10'));

  // The account manager closes the follow-up.
  const amContext = await browser.newContext();
  await signIn(amContext, am);
  const work = await amContext.newPage();
  await work.goto('/tasks');
  await work.getByRole('link', { name: new RegExp(`Open follow-up: ${company}, Riley, score 9`) }).click();
  await work.getByRole('button', { name: 'Mark as done' }).click();
  await expect(work.getByTestId('task-status')).toHaveText('Done');

  // The customer changes their answer to a 3.
  await survey.goto(`/s/${inv.token}?score=3`);
  await survey.getByRole('button', { name: 'Update my answer' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  const alert = await waitForMail(am.email, (m) => m.subject.startsWith('Reopened'));
  expect(alert.subject).toContain('3/10');

  // Open again in the account manager's queue, marked reopened.
  await work.goto('/tasks');
  const row = work.getByRole('listitem').filter({ has: work.getByRole('link', { name: /score 3/ }) });
  await expect(row).toBeVisible();
  await expect(row.getByText('Reopened')).toBeVisible();
  await expect(row.getByText('Detractor')).toBeVisible();
  await row.getByRole('link').click();
  await expect(work.getByTestId('task-status')).toHaveText('Open');
  await expect(work.getByTestId('task-reopened')).toContainText('changed their answer');
  await expect(
    work
      .getByRole('region', { name: 'History' })
      .getByText('Reopened: the answer changed from Promoter to Detractor'),
  ).toBeVisible();
});
