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
  await page.locator('header summary', { hasText: 'Sam Switcher' }).click();
  await page.getByLabel('Switch organisation').selectOption({ label: b.name });
  await page.getByRole('button', { name: 'Switch organisation' }).click();
  await expect(page).toHaveURL(/\/dashboard/); // a director in Beta lands on the dashboard
  expect((await page.goto('/surveys'))?.status()).toBe(404); // and has no survey builder there

  await page.goto('/dashboard');
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Opvolgtaken', exact: true })).toBeVisible();
  const r = await sql().query(`SELECT locale FROM "User" WHERE id = $1`, [sam.userId]);
  expect(r.rows[0]).toEqual({ locale: 'nl' });
});

test('at 1280 px the header is one line for every role, in both languages', async ({ browser }) => {
  test.setTimeout(180_000);
  const t = await seedTenant(`Header ${uid()}`, {
    OWNER: 'Olivia van den Oudenrijn',
    ADMIN: 'Casey Cornelissen-Verhoeven',
    ACCOUNT_MANAGER: 'Avery van Achterbergh',
    VIEWER: 'Dana Dijkstra-Vermeulen',
  });
  const other = await seedTenant(`Second organisation ${uid()}`, {});
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (const role of ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER', 'VIEWER'] as const) {
    const user = t.users[role]!;
    // A member of two organisations also gets the organisation switch in the header.
    await sql().query(
      `INSERT INTO "Membership" ("tenantId","id","userId","role") VALUES ($1,$2,$3,'VIEWER')`,
      [other.tenantId, randomUUID(), user.userId],
    );
    for (const locale of ['en', 'nl']) {
      await sql().query(`UPDATE "User" SET locale = $2 WHERE id = $1`, [user.userId, locale]);
      await signIn(context, user);
      await page.goto('/dashboard');
      const tops = await page
        .locator('header a:visible, header button:visible, header select:visible, header summary:visible')
        .evaluateAll((els) =>
          els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)),
        );
      expect(
        Math.max(...tops) - Math.min(...tops),
        `${role} ${locale}: header items on more than one line`,
      ).toBeLessThan(12);
    }
  }
});

test('the favicon and app icons are served from public/ and linked from every page', async ({
  page,
  request,
}) => {
  await page.goto('/signin');
  const hrefs = await page
    .locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).getAttribute('href')));
  for (const href of ['/favicon.ico', '/icon.svg', '/apple-touch-icon.png', '/manifest.webmanifest'])
    expect(
      hrefs.some((h) => h?.startsWith(href)),
      href,
    ).toBe(true);
  for (const [path, type] of [
    ['/favicon.ico', 'image/'],
    ['/icon.svg', 'image/svg+xml'],
    ['/apple-touch-icon.png', 'image/png'],
    ['/icon-512.png', 'image/png'],
  ] as const) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()['content-type'], path).toContain(type);
  }
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    icons: { src: string }[];
  };
  expect(manifest.icons.map((i) => i.src)).toContain('/icon-512.png');
});
