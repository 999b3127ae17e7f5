import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seedTenant, signIn, sql, uid } from './support/fixtures';

/**
 * CSV import, "import the good lines and report the others": the good lines are in, the page says
 * how many were not, and the report downloads as a CSV file naming line, column and problem, with a
 * formula-looking cell neutralised.
 */
test('partial contact import, then the report as a download', async ({ page, context }) => {
  const t = await seedTenant(`Import ${uid()}`, { ADMIN: 'Charlie CX' });
  await signIn(context, t.users.ADMIN!);
  await page.goto('/contacts');
  const card = page.getByRole('region', { name: 'Import contacts (CSV)' });
  const csv = [
    'email,name,phone',
    `good-${uid()}@customer.example,Good One,`,
    '=1+1,Evil,',
    `good-${uid()}@customer.example,Good Two,+31 20 123 4567`,
    `bad-phone-${uid()}@customer.example,Bad Phone,12`,
  ].join('\n');
  await card.getByLabel('Import the good lines and report the others').check();
  await card
    .getByLabel('CSV file')
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await card.getByRole('button', { name: 'Import contacts' }).click();
  await expect(card.getByText('The good lines were imported.')).toBeVisible();
  await expect(card.getByText('created: 2')).toBeVisible();
  await expect(card.getByText('not imported: 2')).toBeVisible();
  const { rows } = await sql().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Contact" WHERE "tenantId" = $1`,
    [t.tenantId],
  );
  expect(rows[0]!.n).toBe(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('link', { name: 'Download the report (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('import-report.csv');
  const report = readFileSync((await download.path())!, 'utf8');
  expect(report.startsWith('\ufeffLine,Column,Problem\r\n')).toBe(true);
  expect(report).toContain('3,email,');
  expect(report).toContain('5,phone,');
  expect(report).not.toMatch(/^=|,=/m);
});
