import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { linkIn, seedTenant, signIn, sql, uid, waitForMail } from './support/fixtures';

const SIGN_IN_LINK = /http:\/\/localhost:\d+\/signin\/confirm\?[^\s]+/;

test('a sign-in link asked from an English page arrives in English, and the app stays English', async ({
  browser,
}) => {
  // A Dutch browser; the person switches the sign-in page to English and has no language yet.
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const email = `lang-${uid()}@newco.example`;
  await sql().query(`INSERT INTO "User" ("id","email","name") VALUES ($1,$2,'Lee Lang')`, [
    randomUUID(),
    email,
  ]);
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Aanmelden bij Kringloop' })).toBeVisible();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Kringloop' })).toBeVisible();
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/\/signin\/check/);

  const mail = await waitForMail(email);
  expect(mail.subject).toBe('Your sign-in link for Kringloop');
  expect(mail.html).toContain('lang="en"');
  const link = linkIn(mail, SIGN_IN_LINK);
  expect(new URL(link).searchParams.get('lang')).toBe('en');

  // Opened in another browser (Dutch too, no cookie): the page speaks the mail's language.
  const other = await browser.newContext({ locale: 'nl-NL' });
  const phone = await other.newPage();
  await phone.goto(link);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  await phone.getByRole('button', { name: 'Sign in' }).click();
  await expect(phone).toHaveURL(/\/onboarding/);
  await expect(phone.getByRole('heading', { name: 'Create your organisation' })).toBeVisible();
  // The first sign-in keeps that language as the person's own.
  const r = await sql().query(`SELECT locale FROM "User" WHERE email = $1`, [email]);
  expect(r.rows[0]).toEqual({ locale: 'en' });
  await context.close();
  await other.close();
});

test('a colleague invited in Dutch gets a Dutch email and lands on Dutch pages; dates in Dutch too', async ({
  browser,
}) => {
  const t = await seedTenant(`Taal ${uid()}`, { ADMIN: 'Casey CX' });
  const inviter = await browser.newContext({ locale: 'en-GB' });
  await signIn(inviter, t.users.ADMIN!);
  const settings = await inviter.newPage();
  await settings.goto('/settings');
  const email = `collega-${uid()}@${uid()}.example`;
  await settings.getByLabel('Email address').fill(email);
  await settings.getByLabel('Name (optional)').fill('Kim de Collega');
  await settings.getByLabel('Role', { exact: true }).selectOption('ACCOUNT_MANAGER');
  await settings.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
  await settings.getByRole('button', { name: 'Send invitation' }).click();
  await expect(settings.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const invite = await waitForMail(email);
  expect(invite.subject).toBe(`Casey CX nodigt u uit voor ${t.name} op Kringloop`);
  const landing = linkIn(invite, /http:\/\/localhost:\d+\/signin\?[^\s]+/);

  // The colleague's browser is English; the invitation chose Dutch for them.
  const colleague = await browser.newContext({ locale: 'en-GB' });
  const page = await colleague.newPage();
  await page.goto(landing);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { name: 'Aanmelden bij Kringloop' })).toBeVisible();
  await expect(page.getByLabel('Zakelijk e-mailadres')).toHaveValue(email);
  await page.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
  await expect(page).toHaveURL(/\/signin\/check/);
  const signInMail = await waitForMail(email, (m) => m.subject === 'Uw aanmeldlink voor Kringloop');
  await page.goto(linkIn(signInMail, SIGN_IN_LINK));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/tasks/);
  await expect(page.getByRole('heading', { name: 'Mijn opvolgtaken' })).toBeVisible();

  // Dates follow the language, also where they are typed: not the browser's format.
  await page.goto('/dashboard?from=2026-01-05&to=2026-03-31');
  await expect(page.getByLabel('Van')).toHaveValue('05-01-2026');
  await expect(page.getByText('Notatie: dd-mm-jjjj').first()).toBeVisible();
  await page.getByLabel('Tot en met').fill('28-02-2026');
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page).toHaveURL(/to=28-02-2026/);
  await expect(page.getByLabel('Tot en met')).toHaveValue('28-02-2026');
  await expect(page.getByText('5 jan 2026 – 28 feb 2026')).toBeVisible();
  await inviter.close();
  await colleague.close();
});
