import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { seedInvitation, seedTenant, signIn, sql, uid } from './support/fixtures';

/** A task in tenant t, assigned to `assignee`, through a seeded response. */
async function seedTask(t: { tenantId: string; routingKey: string }, assignee: string) {
  const inv = await seedInvitation(t);
  const responseId = randomUUID();
  const taskId = randomUUID();
  const r = await sql().query(
    `SELECT "surveyId", (SELECT "touchpointId" FROM "Survey" s WHERE s.id = i."surveyId") AS tp FROM "Invitation" i WHERE id = $1`,
    [inv.invitationId],
  );
  const { tp } = r.rows[0] as { tp: string };
  await sql().query(
    `INSERT INTO "Response" ("tenantId","id","invitationId","surveyId","touchpointId","contactId","companyId","score","category","locale")
     VALUES ($1,$2,$3,$4,$5,$6,$7,3,'DETRACTOR','en')`,
    [t.tenantId, responseId, inv.invitationId, inv.surveyId, tp, inv.contactId, inv.companyId],
  );
  await sql().query(
    `INSERT INTO "FollowUpTask" ("tenantId","id","responseId","companyId","assigneeMembershipId","category","dueAt","updatedAt")
     VALUES ($1,$2,$3,$4,$5,'DETRACTOR', now() + interval '2 days', now())`,
    [t.tenantId, taskId, responseId, inv.companyId, assignee],
  );
  return { taskId, surveyId: inv.surveyId };
}

test("a foreign tenant's rows are 404 through pages and route handlers, exactly like missing ones", async ({
  page,
  context,
}) => {
  const a = await seedTenant(`A ${uid()}`, { ADMIN: 'Anna A' });
  const b = await seedTenant(`B ${uid()}`, { ADMIN: 'Bob B' });
  const bTask = await seedTask(b, b.users.ADMIN!.membershipId);

  await signIn(context, a.users.ADMIN!);
  for (const path of [`/tasks/${bTask.taskId}`, `/surveys/${bTask.surveyId}`, `/tasks/${randomUUID()}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const foreign = await page.request.get(`/api/tasks/${bTask.taskId}`);
  const missing = await page.request.get(`/api/tasks/${randomUUID()}`);
  expect(foreign.status()).toBe(404);
  expect(missing.status()).toBe(404);
  expect(await foreign.json()).toEqual(await missing.json());
  const patch = await page.request.patch(`/api/tasks/${bTask.taskId}`, {
    data: { status: 'DONE' },
    headers: { origin: process.env.E2E_APP_URL! },
  });
  expect(patch.status()).toBe(404);
  const still = await sql().query(`SELECT status FROM "FollowUpTask" WHERE id = $1`, [bTask.taskId]);
  expect(still.rows[0]).toEqual({ status: 'OPEN' });

  await signIn(context, b.users.ADMIN!);
  expect((await page.request.get(`/api/tasks/${bTask.taskId}`)).status()).toBe(200);
  // State-changing route handlers refuse a request without our Origin (Next.js guards only actions).
  const noOrigin = await page.request.patch(`/api/tasks/${bTask.taskId}`, { data: { status: 'DONE' } });
  expect(noOrigin.status()).toBe(403);
  const evil = await page.request.patch(`/api/tasks/${bTask.taskId}`, {
    data: { status: 'DONE' },
    headers: { origin: 'http://evil.example' },
  });
  expect(evil.status()).toBe(403);
  const ok = await page.request.patch(`/api/tasks/${bTask.taskId}`, {
    data: { status: 'IN_PROGRESS' },
    headers: { origin: process.env.E2E_APP_URL! },
  });
  expect(ok.status()).toBe(200);
  const bad = await page.request.patch(`/api/tasks/${bTask.taskId}`, {
    data: { status: 'NOPE' },
    headers: { origin: process.env.E2E_APP_URL! },
  });
  expect(bad.status()).toBe(400);
});

test('roles: an account manager cannot open the survey builder, a director cannot change a task', async ({
  page,
  context,
}) => {
  const t = await seedTenant(`Roles ${uid()}`, {
    ADMIN: 'Cas CX',
    ACCOUNT_MANAGER: 'Amy AM',
    VIEWER: 'Dirk Director',
  });
  const task = await seedTask(t, t.users.ACCOUNT_MANAGER!.membershipId);
  await signIn(context, t.users.ACCOUNT_MANAGER!);
  expect((await page.goto('/surveys'))?.status()).toBe(404);
  expect((await page.goto(`/tasks/${task.taskId}`))?.status()).toBe(200);
  await signIn(context, t.users.VIEWER!);
  const r = await page.request.patch(`/api/tasks/${task.taskId}`, {
    data: { status: 'DONE' },
    headers: { origin: process.env.E2E_APP_URL! },
  });
  expect(r.status()).toBe(403);
});
