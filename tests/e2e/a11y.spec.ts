import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { appRoutes, pageProblems } from './support/a11y';
import { startDemoServer } from './support/demo-server';
import { seedTenant, signIn, sql, uid, waitForMail, type Role } from './support/fixtures';
import { seedProgram } from './support/program';

/**
 * WCAG 2.1 AA (axe-core) and the keyboard on every page of app/, as every role that may see it, and on
 * the respondent's pages. The pages are found on disk: a new page without an entry in EXAMPLES fails
 * the first test, so nobody has to remember to add it here.
 */

type Audience = Role | 'anonymous' | 'noTenant' | 'demo';
const ROLES: Role[] = ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER', 'VIEWER'];
const EVERY_ROLE: Audience[] = ROLES;
const CX: Audience[] = ['OWNER', 'ADMIN'];

interface Seeded {
  surveyId: string;
  companyId: string;
  distributionId: string;
  relationshipTouchpointId: string;
  taskId: string;
  mailId: string;
  /** The query of a usable sign-in link (its token seeded like next-auth stores it). */
  signInQuery: string;
}
interface Example {
  /** The URLs to check, with real seeded ids in the dynamic segments. */
  paths: (s: Seeded) => string[];
  /** Who may see the page; every other signed-in role must get a 404. */
  as: Audience[];
  /** The page only redirects (to pages checked themselves). */
  redirects?: true;
}

const EXAMPLES: Record<string, Example> = {
  '/': { paths: () => ['/'], as: EVERY_ROLE, redirects: true },
  '/accounts': { paths: () => ['/accounts'], as: EVERY_ROLE },
  '/accounts/[id]': { paths: (s) => [`/accounts/${s.companyId}`], as: EVERY_ROLE },
  '/companies': { paths: () => ['/companies'], as: EVERY_ROLE },
  '/contacts': { paths: () => ['/contacts'], as: EVERY_ROLE },
  '/dashboard': { paths: () => ['/dashboard'], as: EVERY_ROLE },
  '/roi': { paths: () => ['/roi', '/roi?churnRate=140'], as: EVERY_ROLE },
  '/settings': { paths: () => ['/settings'], as: EVERY_ROLE },
  '/settings/api': { paths: () => ['/settings/api'], as: CX },
  '/settings/routing': { paths: () => ['/settings/routing'], as: CX },
  '/surveys': { paths: () => ['/surveys'], as: CX },
  '/surveys/[id]': { paths: (s) => [`/surveys/${s.surveyId}`], as: CX },
  '/surveys/relationship/[touchpointId]': {
    paths: (s) => [`/surveys/relationship/${s.relationshipTouchpointId}`],
    as: CX,
  },
  '/surveys/[id]/send': {
    paths: (s) => [
      `/surveys/${s.surveyId}/send`,
      `/surveys/${s.surveyId}/send?audience=all`,
      `/surveys/${s.surveyId}/send?audience=all&reason=THROTTLED`,
    ],
    as: CX,
  },
  '/surveys/[id]/sends/[distributionId]': {
    paths: (s) => [`/surveys/${s.surveyId}/sends/${s.distributionId}`],
    as: CX,
  },
  '/tasks': { paths: () => ['/tasks', '/tasks?scope=all&status=any'], as: EVERY_ROLE },
  '/tasks/[id]': { paths: (s) => [`/tasks/${s.taskId}`], as: EVERY_ROLE },
  '/onboarding': { paths: () => ['/onboarding'], as: ['noTenant'] },
  '/signin': { paths: () => ['/signin'], as: ['anonymous', 'demo'] },
  '/signin/check': { paths: () => ['/signin/check'], as: ['anonymous', 'demo'] },
  '/signin/error': { paths: () => ['/signin/error?error=Verification'], as: ['anonymous'] },
  '/signin/confirm': {
    paths: (s) => [`/signin/confirm?${s.signInQuery}`, '/signin/confirm?token=spent&email=x%40y.test'],
    as: ['anonymous'],
  },
  '/dev/mailbox': { paths: () => ['/dev/mailbox'], as: ['demo'] },
  '/dev/mailbox/[id]': { paths: (s) => [`/dev/mailbox/${s.mailId}`], as: ['demo'] },
};

test('every page in app/ has an entry in EXAMPLES (and every entry a page)', () => {
  expect(Object.keys(EXAMPLES).sort()).toEqual(appRoutes());
});

/** Visits `path` and returns its problems (none but the status when that is not what it must be). */
async function check(
  page: Page,
  path: string,
  label: string,
  o: { status?: number; keyboard?: boolean } = {},
) {
  const status = o.status ?? 200;
  const res = await page.goto(path);
  if (res?.status() !== status) return [`${label}: status ${res?.status()} for ${path}, expected ${status}`];
  return pageProblems(page, label, o.keyboard ?? true);
}

test.describe('every page, as every role that may see it, passes axe and works by keyboard', () => {
  // Not serial: every role is checked even when another one fails.
  test.describe.configure({ timeout: 300_000 });
  let t: Awaited<ReturnType<typeof seedTenant>>;
  let seeded: Seeded;

  test.beforeAll(async () => {
    t = await seedTenant(`A11y ${uid()}`, {
      OWNER: 'Olivia Owner',
      ADMIN: 'Casey CX',
      ACCOUNT_MANAGER: 'Avery Account',
      VIEWER: 'Dana Director',
    });
    const program = await seedProgram(t, t.users.ACCOUNT_MANAGER!.membershipId);
    const token = randomBytes(32).toString('hex');
    const email = `confirm-${uid()}@e2e.kringloop.test`;
    await sql().query(
      `INSERT INTO "VerificationToken" ("identifier","token","expires") VALUES ($1,$2, now() + interval '1 day')`,
      [email, createHash('sha256').update(`${token}${process.env.E2E_AUTH_SECRET}`).digest('hex')],
    );
    const signInQuery = new URLSearchParams({ token, email, callbackUrl: '/' }).toString();
    seeded = { ...program, taskId: program.taskIds[0]!, mailId: '', signInQuery };
  });

  // One browser context per role, signed in once; axe and the keyboard on every page the role may see.
  for (const role of ROLES)
    test(`as ${role}`, async ({ browser }) => {
      const context = await browser.newContext();
      await signIn(context, t.users[role]!);
      const pages = [await context.newPage(), await context.newPage()];
      const jobs: ((p: Page) => Promise<string[]>)[] = [];
      for (const [route, ex] of Object.entries(EXAMPLES)) {
        if (!ex.as.some((a) => (ROLES as Audience[]).includes(a))) continue;
        for (const path of ex.paths(seeded)) {
          const label = `${path} as ${role}`;
          if (!ex.as.includes(role))
            jobs.push((p) => check(p, path, label, { status: 404 }).then((r) => r.slice(0, 1)));
          else if (ex.redirects)
            jobs.push(async (p) => {
              await p.goto(path);
              return new URL(p.url()).pathname === route ? [`${label}: did not redirect`] : [];
            });
          else jobs.push((p) => check(p, path, label));
        }
      }
      // The app's own 404 page, in the shell of a signed-in user.
      jobs.push((p) => check(p, `/no-such-page-${uid()}`, `404 as ${role}`, { status: 404 }));
      // Two pages at a time: axe is CPU-bound in the browser, and the machine has two cores.
      const problems: string[] = [];
      for (let i = 0; i < jobs.length; i += 2)
        for (const r of await Promise.all(jobs.slice(i, i + 2).map((job, k) => job(pages[k]!))))
          problems.push(...r);
      await context.close();
      expect(problems).toEqual([]);
    });

  test('signed out, and signed in without an organisation', async ({ browser }) => {
    const problems: string[] = [];
    const anon = await browser.newPage();
    for (const [, ex] of Object.entries(EXAMPLES).filter(([, e]) => e.as.includes('anonymous')))
      for (const path of ex.paths(seeded)) problems.push(...(await check(anon, path, `${path} signed out`)));
    problems.push(...(await check(anon, `/no-such-page-${uid()}`, '404 signed out', { status: 404 })));
    await anon.close();

    const loner = await seedTenant(`Tmp ${uid()}`, { ADMIN: 'Nora New' });
    await sql().query(`DELETE FROM "Membership" WHERE "tenantId" = $1`, [loner.tenantId]);
    const context = await browser.newContext();
    await signIn(context, loner.users.ADMIN!);
    const page = await context.newPage();
    for (const [, ex] of Object.entries(EXAMPLES).filter(([, e]) => e.as.includes('noTenant')))
      for (const path of ex.paths(seeded))
        problems.push(...(await check(page, path, `${path} without tenant`)));
    await context.close();
    expect(problems).toEqual([]);
  });

  test('demo mode (its own server on the same database and mailbox)', async ({ browser }) => {
    const demo = await startDemoServer();
    const problems: string[] = [];
    try {
      const context = await browser.newContext({ baseURL: demo.url });
      const page = await context.newPage();
      await sql().query(`INSERT INTO "User" ("id","email","name","locale") VALUES ($1,$2,'Demo Dee','en')`, [
        randomUUID(),
        `a11y-${uid()}@demo.kringloop.test`,
      ]);
      // A real mail in the mailbox to open: a sign-in link asked on the demo's own sign-in page.
      const email = `a11y-${uid()}@mailbox.example`;
      await page.goto('/signin');
      await page.getByLabel('Work email').fill(email);
      await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
      await expect(page).toHaveURL(/\/signin\/check/);
      seeded.mailId = (await waitForMail(email)).id;
      for (const [, ex] of Object.entries(EXAMPLES).filter(([, e]) => e.as.includes('demo')))
        for (const path of ex.paths(seeded))
          problems.push(...(await check(page, path, `${path} in demo mode`)));
      await context.close();
    } finally {
      await demo.stop();
    }
    expect(problems).toEqual([]);
  });
});

test("the respondent's pages pass axe and work by keyboard", async ({ page }) => {
  const t = await seedTenant(`A11y respondent ${uid()}`, { ACCOUNT_MANAGER: 'Avery Account' });
  const program = await seedProgram(t, t.users.ACCOUNT_MANAGER!.membershipId);
  const token = program.unansweredToken;
  const problems: string[] = [];

  problems.push(...(await check(page, `/s/${token}?score=3`, 'survey')));
  await page.locator('#comment').fill('Too slow.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  problems.push(...(await pageProblems(page, 'thanks')));

  problems.push(...(await check(page, `/s/${token}/unsubscribe`, 'unsubscribe')));
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible();
  problems.push(...(await pageProblems(page, 'unsubscribed')));

  problems.push(
    ...(await check(page, '/s/abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAAAAA', 'unknown link', { status: 404 })),
  );

  // An answer over the 64 KB limit, posted by a real form navigation: the 413 page.
  await page.goto(`/s/${program.tokens[0]}`);
  await Promise.all([
    page.waitForResponse((r) => r.status() === 413),
    page.evaluate(() => {
      const form = document.querySelector('form')!;
      const big = document.createElement('input');
      big.type = 'hidden';
      big.name = 'comment';
      big.value = 'x'.repeat(70_000);
      form.append(big);
      form.querySelector<HTMLTextAreaElement>('textarea')?.remove();
      form.submit();
    }),
  ]);
  await expect(page.getByRole('heading', { name: 'Your answer is too long' })).toBeVisible();
  problems.push(...(await pageProblems(page, 'too large')));

  expect(problems).toEqual([]);
});
