// A CX manager sends a survey the way issue 7 asks: the skip preview (with skips and who), the
// confirmation, then the send's progress updating by itself until every invitation left.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { uuidv7 } from 'uuidv7';
import { seedTenant, signIn, sql, uid, waitForMail } from './support/fixtures';

test('a CX manager previews a send with skips, confirms it and watches its progress', async ({ page }) => {
  const t = await seedTenant(`Sends ${uid()}`, { ADMIN: 'Casey CX' });
  const q = (text: string, params: unknown[]) => sql().query(text, params);
  const texts = readFileSync(new URL('./support/survey-texts.json', import.meta.url), 'utf8');
  const touchpointId = uuidv7();
  const surveyId = uuidv7();
  await q(`INSERT INTO "Touchpoint" ("tenantId","id","name","phase") VALUES ($1,$2,$3,'SUPPORT')`, [
    t.tenantId,
    touchpointId,
    `Support ${uid()}`,
  ]);
  await q(
    `INSERT INTO "Survey" ("tenantId","id","touchpointId","name","status","texts","updatedAt")
     VALUES ($1,$2,$3,'NPS after support','ACTIVE',$4,now())`,
    [t.tenantId, surveyId, touchpointId, texts],
  );
  // Acme has three contacts (the account rule lets one in), Globex one who unsubscribed and one more.
  const emails: string[] = [];
  for (const [company, people] of [
    ['Acme', [false, false, false]],
    ['Globex', [true, false]],
  ] as const) {
    const companyId = uuidv7();
    await q(`INSERT INTO "Company" ("tenantId","id","name","updatedAt") VALUES ($1,$2,$3,now())`, [
      t.tenantId,
      companyId,
      `${company} ${uid()}`,
    ]);
    for (const unsubscribed of people) {
      const email = `send-${randomBytes(3).toString('hex')}@customer.example`;
      emails.push(email);
      await q(
        `INSERT INTO "Contact" ("tenantId","id","companyId","email","locale","unsubscribedAt","updatedAt")
         VALUES ($1,$2,$3,$4,'en',$5,now())`,
        [t.tenantId, uuidv7(), companyId, email, unsubscribed ? new Date() : null],
      );
    }
  }

  await signIn(page.context(), t.users.ADMIN!);
  await page.goto(`/surveys/${surveyId}`);
  await page.getByLabel('All contacts').check();
  await page.getByRole('button', { name: 'Preview the send' }).click();

  await expect(page.getByRole('heading', { name: 'Preview of the send' })).toBeVisible();
  await expect(page.getByTestId('preview-invite')).toHaveText('2');
  const reasons = page.getByTestId('preview-reasons');
  await expect(reasons.locator('[data-reason="ACCOUNT_FATIGUE"]')).toContainText('2');
  await expect(reasons.locator('[data-reason="UNSUBSCRIBED"]')).toContainText('1');
  // Who: the two Acme contacts the account rule holds back.
  await reasons.locator('[data-reason="ACCOUNT_FATIGUE"]').getByRole('link').click();
  await expect(page.getByTestId('skipped-rows').locator('tr')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /Download the skipped contacts/ })).toBeVisible();

  await page.getByTestId('confirm-send').click();
  await expect(page).toHaveURL(/\/sends\/[0-9a-f-]{36}$/);
  const progress = page.getByTestId('send-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('count-skipped')).toHaveText('3', { timeout: 30_000 });
  // No reload: the page polls until both invitations left.
  await expect(page.getByTestId('count-sent')).toHaveText('2', { timeout: 45_000 });
  await expect(progress).toHaveAttribute('data-state', 'DONE');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await waitForMail(emails[0]!);
});
