import { expect, test } from '@playwright/test';
import { linkIn, seedTenant, signIn, sql, uid, waitForMail } from './support/fixtures';

/**
 * The NPS loop end to end, through all four users: the CX manager adds a customer, builds a survey and
 * sends it; the customer answers 6 from the email; the account manager gets the alert and closes the
 * task; the director sees the answer in the NPS.
 */
test('survey -> email -> one-tap answer -> alert -> task closed -> dashboard', async ({ browser }) => {
  test.setTimeout(120_000);
  const t = await seedTenant(`Journey ${uid()}`, {
    ADMIN: 'Charlie CX',
    ACCOUNT_MANAGER: 'Avery Account',
    VIEWER: 'Dana Director',
  });
  const cx = t.users.ADMIN!;
  const am = t.users.ACCOUNT_MANAGER!;
  const director = t.users.VIEWER!;
  const contactEmail = `pat-${uid()}@customer.example`;
  const companyName = `Acme Installaties ${uid()}`;

  // 1. CX manager: a customer company (owned by the account manager) and its contact.
  const cxContext = await browser.newContext();
  await signIn(cxContext, cx);
  const page = await cxContext.newPage();
  await page.goto('/companies');
  const addCompany = page.getByRole('region', { name: 'Add company' });
  await addCompany.getByLabel('Company name').fill(companyName);
  await addCompany.getByLabel('Account manager').selectOption(am.email);
  await addCompany.getByRole('button', { name: 'Add company' }).click();
  await expect(page.getByRole('cell', { name: companyName, exact: true })).toBeVisible();

  await page.goto('/contacts');
  const addContact = page.getByRole('region', { name: 'Add contact' });
  await addContact.getByLabel('Email address').fill(contactEmail);
  await addContact.getByLabel('Name', { exact: true }).fill('Pat Customer');
  await addContact.getByLabel('Language').selectOption('en');
  await addContact.getByLabel('Company').selectOption({ label: companyName });
  await addContact.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('cell', { name: contactEmail, exact: true })).toBeVisible();

  // 2. A touchpoint on the go-live phase and an NPS survey on it; activate; send to all contacts.
  await page.goto('/surveys');
  await page.getByLabel('Touchpoint name').fill('After go-live');
  await page.getByLabel('Journey phase').selectOption('GO_LIVE');
  await page.getByRole('button', { name: 'Add touchpoint' }).click();
  await expect(page.getByText('Touchpoint added.')).toBeVisible();
  await page.getByLabel('Touchpoint', { exact: true }).selectOption({ label: 'After go-live (Go-live)' });
  await page.getByLabel('Survey name').fill('NPS after go-live');
  await page.getByRole('button', { name: 'Add survey' }).click();
  await expect(page).toHaveURL(/\/surveys\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByLabel('All contacts').check();
  await page.getByRole('button', { name: 'Preview the send' }).click();
  await expect(page.getByTestId('preview-invite')).toHaveText('1');
  await page.getByTestId('confirm-send').click();
  await expect(page).toHaveURL(/\/sends\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('send-progress')).toBeVisible();

  // 3. The customer: the invitation email, score 6 from the email's button, a comment, one tap.
  const invite = await waitForMail(contactEmail);
  expect(invite.subject).toContain(t.name);
  expect(invite.headers['list-unsubscribe']).toMatch(/\/unsubscribe>$/);
  const scoreLink = linkIn(invite, /http:\/\/localhost:\d+\/s\/[^\s?]+\?score=6/);
  const customer = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const survey = await customer.newPage();
  await survey.goto(scoreLink);
  await expect(survey.locator('#s6')).toBeChecked();
  await expect(survey.getByText('What disappointed you?')).toBeVisible();
  await survey.locator('#comment').fill('The go-live was two weeks late.');
  await survey.getByRole('button', { name: 'Send' }).click();
  await expect(survey.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  // 4. The account manager: the alert email, the task, close the loop.
  const alert = await waitForMail(am.email, (m) => m.subject.includes('6/10'));
  expect(alert.subject).toContain(companyName);
  expect(alert.text).toContain('The go-live was two weeks late.');
  const taskLink = linkIn(alert, /http:\/\/localhost:\d+\/tasks\/[0-9a-f-]{36}/);
  const amContext = await browser.newContext();
  await signIn(amContext, am);
  const work = await amContext.newPage();
  await work.goto('/tasks');
  await expect(
    work.getByRole('link', { name: new RegExp(`Open follow-up: ${companyName}, Pat Customer, score 6`) }),
  ).toBeVisible();
  await work.goto(taskLink);
  await expect(work.getByTestId('task-score')).toContainText('6');
  await expect(work.getByText('The go-live was two weeks late.')).toBeVisible();
  await work.getByRole('button', { name: 'Start' }).click();
  await expect(work.getByTestId('task-status')).toHaveText('In progress');
  await work.getByLabel('Add a note').fill('Called Pat; agreed a weekly check-in until the backlog is gone.');
  await work.getByRole('button', { name: 'Save note' }).click();
  await expect(work.getByText('Note saved.')).toBeVisible();
  await work.getByRole('button', { name: 'Mark as done' }).click();
  await expect(work.getByTestId('task-status')).toHaveText('Done');
  const task = await sql().query(`SELECT status FROM "FollowUpTask" WHERE "tenantId" = $1`, [t.tenantId]);
  expect(task.rows).toEqual([{ status: 'DONE' }]);

  // 5. The director: the answer is counted (n = 1), and one answer is too few for a score.
  const dirContext = await browser.newContext();
  await signIn(dirContext, director);
  const dash = await dirContext.newPage();
  await dash.goto('/dashboard');
  await expect(dash.getByTestId('nps-value')).toHaveText(/^(Too few answers|Te weinig antwoorden)$/);
  await expect(dash.getByTestId('nps-n')).toHaveText('n = 1');
});
