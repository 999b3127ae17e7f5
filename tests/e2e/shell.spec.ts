import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { seedTenant, signIn, sql, uid } from './support/fixtures';

test('a user in two organisations switches between them; the language follows their choice', async ({
  page,
  context,
}) => {
  const a = await seedTenant(`Alpha ${uid()}`, { ADMIN: 'Sam Switcher' });
  const b = await seedTenant(`Beta ${uid()}`, { OWNER: 'Bo Owner' });
  const sam = a.users.ADMIN!;
  await sql().query(`INSERT INTO "Membership" ("tenantId","id","userId","role") VALUES ($1,$2,$3,'VIEWER')`, [
    b.tenantId,
    randomUUID(),
    sam.userId,
  ]);

  await signIn(context, sam);
  await page.goto('/');
  await expect(page).toHaveURL(/\/surveys/); // a CX manager lands on the survey builder in Alpha
  await page.getByLabel('Switch organisation').selectOption({ label: b.name });
  await page.getByRole('button', { name: 'Switch organisation' }).click();
  await expect(page).toHaveURL(/\/dashboard/); // a director in Beta lands on the dashboard
  expect((await page.goto('/surveys'))?.status()).toBe(404); // and has no survey builder there

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'NL' }).click();
  await expect(page.getByRole('link', { name: 'Opvolgtaken' })).toBeVisible();
  const r = await sql().query(`SELECT locale FROM "User" WHERE id = $1`, [sam.userId]);
  expect(r.rows[0]).toEqual({ locale: 'nl' });
});
