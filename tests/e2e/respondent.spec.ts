import { expect, test } from '@playwright/test';
import { count, seedInvitation, seedTenant, uid } from './support/fixtures';

// The respondent's page: a 360 px phone with JavaScript off, no framework JavaScript, one response.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('score link opens the survey preselected; one tap sends; sending again updates', async ({ page }) => {
  const t = await seedTenant(`Resp ${uid()}`, { ADMIN: 'Ada' });
  const inv = await seedInvitation(t, { locale: 'nl' });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });

  const res = await page.goto(`/s/${inv.token}?score=9`);
  expect(res?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { name: /aanbeveelt/ })).toBeVisible();
  await expect(page.locator('#s9')).toBeChecked();
  await expect(page.getByText('Wat waardeert u het meest?')).toBeVisible();
  expect(await count('Response', t.tenantId)).toBe(0); // the GET wrote nothing
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  await page.locator('#comment').fill('Snelle service');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  expect(await count('Response', t.tenantId)).toBe(1);

  await page.goto(`/s/${inv.token}?score=4`);
  await expect(page.getByText('U gaf eerder een 9')).toBeVisible();
  await page.getByRole('button', { name: 'Mijn antwoord bijwerken' }).click();
  await expect(page.getByRole('heading', { name: 'Dank u wel!' })).toBeVisible();
  expect(await count('Response', t.tenantId)).toBe(1);
  expect(scripts.filter((s) => s.includes('/_next/'))).toEqual([]);
  const html = await (await page.request.get(`/s/${inv.token}`)).text();
  expect(html).not.toContain('/_next/');
});

test('an unknown token gets the friendly page with status 404', async ({ page }) => {
  const res = await page.goto('/s/abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAAAAA');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /link/ })).toBeVisible();
});
