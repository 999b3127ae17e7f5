import { expect, test } from '@playwright/test';
import { linkIn, seedTenant, sql, uid, waitForMail } from './support/fixtures';

const MAGIC_LINK = /http:\/\/localhost:\d+\/api\/auth\/callback\/email\?[^\s]+/;

test('magic link: the email arrives, the link signs in once, a reused link is refused', async ({
  page,
  context,
}) => {
  const t = await seedTenant(`Auth ${uid()}`, { ADMIN: 'Alex Admin' });
  const admin = t.users.ADMIN!;
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(admin.email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/\/signin\/check/);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const mail = await waitForMail(admin.email, (m) => m.subject.includes('sign-in link'));
  expect(mail.html).toContain('Sign in');
  const link = linkIn(mail, MAGIC_LINK);
  await page.goto(link);
  await expect(page).toHaveURL(/\/surveys/);
  await expect(page.getByText('Alex Admin')).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');

  await context.clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\/error/);
  await expect(page.getByRole('heading', { name: 'That sign-in link does not work' })).toBeVisible();
});

test('sign-up: a new email creates an organisation with the user as owner', async ({ page }) => {
  const email = `founder-${uid()}@newco.example`;
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const mail = await waitForMail(email);
  await page.goto(linkIn(mail, MAGIC_LINK));
  await expect(page).toHaveURL(/\/onboarding/);
  const org = `Newco ${uid()}`;
  await page.getByLabel('Organisation name').fill(org);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/surveys/);
  const r = await sql().query(
    `SELECT m.role FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Tenant" t ON t.id = m."tenantId" WHERE u.email = $1 AND t.name = $2`,
    [email, org],
  );
  expect(r.rows).toEqual([{ role: 'OWNER' }]);
});

test('production has no one-click demo sign-in', async ({ page, request }) => {
  await page.goto('/signin');
  await expect(page.getByText('Demo accounts')).toHaveCount(0);
  const r = await request.post('/api/demo-login', {
    form: { email: 'cx@demo.kringloop.test' },
    headers: { origin: process.env.E2E_APP_URL! },
  });
  expect(r.status()).toBe(404);
});
