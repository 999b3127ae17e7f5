import { expect, test } from '@playwright/test';
import { linkIn, seedTenant, sql, uid, waitForMail } from './support/fixtures';

const SIGN_IN_LINK = /http:\/\/localhost:\d+\/signin\/confirm\?[^\s]+/;

/** What a mail scanner does: a plain HTTP client, no cookie jar, following redirects by hand. */
async function scan(url: string, method: 'GET' | 'HEAD') {
  const setCookies: string[] = [];
  let next = url;
  for (let hop = 0; hop < 5; hop++) {
    const r = await fetch(next, { method, redirect: 'manual' });
    setCookies.push(...r.headers.getSetCookie());
    const location = r.headers.get('location');
    if (r.status < 300 || r.status >= 400 || !location) return { status: r.status, setCookies };
    next = new URL(location, next).toString();
  }
  throw new Error(`too many redirects from ${url}`);
}

test("sign-in link: a mail scanner opens it first and spends nothing; the user's click signs in once", async ({
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
  const link = linkIn(mail, SIGN_IN_LINK);

  // The scanner: GET and HEAD of the mailed link, and of next-auth's own callback URL with the same
  // query (links mailed before the confirmation page, or guessed), each following its redirects.
  const callback = link.replace('/signin/confirm?', '/api/auth/callback/email?');
  for (const [url, method] of [
    [link, 'GET'],
    [link, 'HEAD'],
    [callback, 'GET'],
    [callback, 'HEAD'],
  ] as const) {
    const r = await scan(url, method);
    expect(r.status, `${method} ${url}`).toBe(200);
    expect(
      r.setCookies.filter((c) => c.includes('session-token')),
      `${method} ${url}`,
    ).toEqual([]);
  }
  // A forged POST from another site is refused too.
  const forged = await fetch(callback, { method: 'POST', headers: { origin: 'http://evil.example' } });
  expect(forged.status).toBe(403);
  const sessions = await sql().query(`SELECT count(*)::int AS n FROM "Session" WHERE "userId" = $1`, [
    admin.userId,
  ]);
  expect(sessions.rows[0]).toEqual({ n: 0 });

  // The user: the link opens the confirmation page; the button signs in.
  await page.goto(link);
  await expect(page.getByText(`You are signing in as ${admin.email}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/surveys/);
  await expect(page.getByText('Alex Admin')).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');

  // Used once: opening it again says so, and offers a new one.
  await context.clearCookies();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'That sign-in link does not work' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

test('sign-up: a new email creates an organisation with the user as owner', async ({ page }) => {
  const email = `founder-${uid()}@newco.example`;
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  // The form navigates to /signin/check by itself: wait for it, or the goto below races it.
  await expect(page).toHaveURL(/\/signin\/check/);
  const mail = await waitForMail(email);
  await page.goto(linkIn(mail, SIGN_IN_LINK));
  await page.getByRole('button', { name: 'Sign in' }).click();
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
