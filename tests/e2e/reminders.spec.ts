import { expect, test } from '@playwright/test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { seedInvitation, seedTenant, signIn, uid, waitForMail, type Mail } from './support/fixtures';

const DAY = 86_400_000;
const links = (m: Mail) => [...new Set(m.text.match(/http:\/\/localhost:\d+\/s\/[^\s"<>]+/g) ?? [])].sort();

/** Runs the reminder scan in the e2e worker as of `at`: the clock moved without sleeping. */
async function runReminderScan(at: Date) {
  const env = JSON.parse(process.env.E2E_SERVER_ENV!) as Record<string, string>;
  const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
  const q = new Queue('scheduled', { connection: redis, prefix: `{${env.REDIS_PREFIX}}` });
  try {
    await q.add('scan-reminders', { at: at.toISOString() });
  } finally {
    await q.close();
    await redis.quit();
  }
}

/**
 * A CX manager turns on the reminder of a survey whose invitation already went out; four days later
 * (the scan runs with an `at`) the contact who did not answer gets one reminder, with the same link.
 */
test('a CX manager turns on reminders and the reminder reaches the contact after four days', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const t = await seedTenant(`Reminders ${uid()}`, { ADMIN: 'Charlie CX' });
  const { surveyId, email } = await seedInvitation(t, { viaWorker: true });
  const invitation = await waitForMail(email, (m) => m.subject.startsWith('How likely'));

  // The CX manager switches the reminder on: one after 4 days.
  const context = await browser.newContext();
  await signIn(context, t.users.ADMIN!);
  const page = await context.newPage();
  await page.goto(`/surveys/${surveyId}`);
  const panel = page.getByRole('region', { name: 'Reminder' });
  await expect(panel.getByTestId('reminder-state')).toHaveText('Reminders are off for this survey.');
  await panel.getByLabel('Send one reminder to contacts who have not answered').check();
  await panel.getByLabel('Days after the invitation').fill('4');
  await panel.getByRole('button', { name: 'Save reminder' }).click();
  await expect(panel.getByText('Reminder saved.')).toBeVisible();
  await expect(panel.getByTestId('reminder-state')).toHaveText(
    'On: one reminder 4 days after the invitation.',
  );

  // Four days and a minute later: the scan runs as of then, and the reminder leaves.
  await runReminderScan(new Date(Date.now() + 4 * DAY + 60_000));
  const reminder = await waitForMail(email, (m) => m.subject.startsWith('Reminder:'));
  expect(reminder.text).toContain('A reminder');
  expect(links(reminder)).toEqual(links(invitation));
  expect(reminder.headers['message-id']).not.toBe(invitation.headers['message-id']);

  await page.reload();
  const sent = page.getByRole('region', { name: 'Reminder' }).getByText('Reminders sent').locator('..');
  await expect(sent).toContainText('1');
  await context.close();
});
