import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../support/db';
import { AppError } from '../../lib/errors';
import { importCompaniesCsv } from '../../lib/contacts/import';
import { listContacts } from '../../lib/contacts/service';
import { distributionInvitations, listDistributions } from '../../lib/distribution/distribute';
import { sendInvitation } from '../../lib/distribution/send';
import { sendTaskAlert } from '../../lib/followup/alert';
import { createTaskForResponse } from '../../lib/followup/create-task';
import { addTaskNote, getTask, listTasks, reassignTask, setTaskStatus } from '../../lib/followup/tasks';
import { dashboard } from '../../lib/insights/dashboard';
import { submitAnswer } from '../../lib/responses/public';
import { DEFAULT_TEXTS } from '../../lib/surveys/schemas';
import { createSurvey, getSurvey, setSurveyStatus, updateSurvey } from '../../lib/surveys/service';
import { inviteMember } from '../../lib/tenancy/service';
import {
  addMember,
  drainOutbox,
  makeCompany,
  makeContact,
  makeInvitation,
  makeResponse,
  makeSurvey,
  makeTenant,
  previewAndSend,
  TOKEN_IN_MAIL,
  type TestTenant,
} from '../support/factories';
import { sink } from '../support/sink';

/** Runs `fn` and returns the AppError it throws (fails the test on success or on any other error). */
async function appErrorOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(
      `expected an AppError, got ${(err as Error)?.constructor?.name}: ${(err as Error)?.message}`,
    );
  }
  throw new Error('expected an AppError, but the call succeeded');
}

const shape = (e: AppError) => ({
  name: e.name,
  code: e.code,
  status: e.status,
  message: e.message,
  details: e.details,
});

/** The call fails with NOT_FOUND 404, and exactly like the same call with a random missing id. */
async function expectSameAsMissing(foreign: () => Promise<unknown>, missing: () => Promise<unknown>) {
  const a = await appErrorOf(foreign);
  const b = await appErrorOf(missing);
  expect(a.code).toBe('NOT_FOUND');
  expect(a.status).toBe(404);
  expect(shape(a)).toEqual(shape(b));
}

async function expectNotFound(fn: () => Promise<unknown>) {
  const e = await appErrorOf(fn);
  expect(e.code).toBe('NOT_FOUND');
  expect(e.status).toBe(404);
}

async function expectForbidden(fn: () => Promise<unknown>) {
  const e = await appErrorOf(fn);
  expect(e.code).toBe('FORBIDDEN');
  expect(e.status).toBe(403);
}

/** A Postgres foreign-key violation (SQLSTATE 23503, not any other failure), on `constraint` when given. */
async function expectFkViolation(fn: () => Promise<unknown>, constraint?: string) {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected a foreign key violation, but the insert succeeded').toBeDefined();
  const e = caught as { code?: string; message?: string; meta?: unknown };
  const text = `${e.code} ${e.message} ${JSON.stringify(e.meta ?? {})}`;
  expect(text).toContain('23503');
  expect(text).toMatch(/violates foreign key constraint/);
  if (constraint) expect(text).toContain(constraint);
}

async function tenantCounts(tenantId: string) {
  const [responses, tasks, invitations, outbox, audit] = await Promise.all([
    adminDb.response.count({ where: { tenantId } }),
    adminDb.followUpTask.count({ where: { tenantId } }),
    adminDb.invitation.count({ where: { tenantId } }),
    adminDb.outboxEvent.count({ where: { tenantId } }),
    adminDb.auditLog.count({ where: { tenantId } }),
  ]);
  return { responses, tasks, invitations, outbox, audit };
}

describe('tenant isolation', () => {
  let A: TestTenant;
  let B: TestTenant;
  let aSurvey: Awaited<ReturnType<typeof makeSurvey>>;
  let bSurvey: Awaited<ReturnType<typeof makeSurvey>>;
  let aTaskId: string;
  let bCompany: { id: string };
  let bContact: { id: string; email: string; companyId: string | null };
  let bInvitationId: string;
  let bResponseId: string;
  let bTaskId: string;

  beforeAll(async () => {
    A = await makeTenant();
    B = await makeTenant();

    // B: the real loop (send, mail, answer, task).
    bCompany = await makeCompany(B, { ownerMembershipId: B.am.membershipId });
    bContact = await makeContact(B, { companyId: bCompany.id });
    bSurvey = await makeSurvey(B);
    await previewAndSend(B.admin.ctx, {
      surveyId: bSurvey.survey.id,
      audience: { type: 'companies', companyIds: [bCompany.id] },
    });
    await drainOutbox(B.tenant.id);
    const mail = await sink().waitFor((m) => m.to.includes(bContact.email));
    const token = TOKEN_IN_MAIL.exec(mail.text)![1]!;
    await submitAnswer(token, { score: 3, comment: 'B is unhappy' });
    await drainOutbox(B.tenant.id);
    const bTask = await adminDb.followUpTask.findFirstOrThrow({ where: { tenantId: B.tenant.id } });
    bTaskId = bTask.id;
    bResponseId = bTask.responseId;
    bInvitationId = (await adminDb.invitation.findFirstOrThrow({ where: { tenantId: B.tenant.id } })).id;
    // More B answers so a leaking dashboard would show.
    for (const score of [0, 1, 2, 4, 5])
      await makeResponse(B, { survey: bSurvey.survey, contact: await makeContact(B), score });

    // A: its own survey and one answered invitation with a task.
    const aCompany = await makeCompany(A, { ownerMembershipId: A.am.membershipId });
    const aContact = await makeContact(A, { companyId: aCompany.id });
    aSurvey = await makeSurvey(A);
    const r = await makeResponse(A, { survey: aSurvey.survey, contact: aContact, score: 10 });
    aTaskId = (await createTaskForResponse({ tenantId: A.tenant.id, responseId: r.id }))!.taskId;
  });

  it("answers 404 for B's survey, exactly as for a missing one", async () => {
    const missing = randomUUID();
    for (const m of [A.owner, A.admin, A.am, A.viewer]) {
      await expectSameAsMissing(
        () => getSurvey(m.ctx, bSurvey.survey.id),
        () => getSurvey(m.ctx, missing),
      );
    }
    const input = { name: 'Stolen survey', texts: DEFAULT_TEXTS };
    await expectSameAsMissing(
      () => updateSurvey(A.admin.ctx, bSurvey.survey.id, input),
      () => updateSurvey(A.admin.ctx, missing, input),
    );
    await expectSameAsMissing(
      () => setSurveyStatus(A.owner.ctx, bSurvey.survey.id, { status: 'ARCHIVED' }),
      () => setSurveyStatus(A.owner.ctx, missing, { status: 'ARCHIVED' }),
    );
    const after = await adminDb.survey.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: B.tenant.id, id: bSurvey.survey.id } },
    });
    expect(after.name).toBe(bSurvey.survey.name);
    expect(after.status).toBe('ACTIVE');
  });

  it("answers 404 for B's task, exactly as for a missing one, and changes nothing", async () => {
    const missing = randomUUID();
    const before = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: B.tenant.id, id: bTaskId } },
    });
    const notesBefore = await adminDb.taskNote.count({ where: { tenantId: B.tenant.id } });
    for (const m of [A.owner, A.admin, A.am, A.viewer]) {
      await expectSameAsMissing(
        () => getTask(m.ctx, bTaskId),
        () => getTask(m.ctx, missing),
      );
    }
    for (const m of [A.owner, A.admin]) {
      await expectSameAsMissing(
        () => setTaskStatus(m.ctx, bTaskId, { status: 'DONE' }),
        () => setTaskStatus(m.ctx, missing, { status: 'DONE' }),
      );
      await expectSameAsMissing(
        () => addTaskNote(m.ctx, bTaskId, { body: 'hi' }),
        () => addTaskNote(m.ctx, missing, { body: 'hi' }),
      );
      await expectSameAsMissing(
        () => reassignTask(m.ctx, bTaskId, { membershipId: A.am.membershipId }),
        () => reassignTask(m.ctx, missing, { membershipId: A.am.membershipId }),
      );
    }
    // An account manager of A works tasks too: same 404.
    await expectSameAsMissing(
      () => setTaskStatus(A.am.ctx, bTaskId, { status: 'DONE' }),
      () => setTaskStatus(A.am.ctx, missing, { status: 'DONE' }),
    );
    await expectSameAsMissing(
      () => addTaskNote(A.am.ctx, bTaskId, { body: 'x' }),
      () => addTaskNote(A.am.ctx, missing, { body: 'x' }),
    );

    const after = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: B.tenant.id, id: bTaskId } },
    });
    expect(after).toEqual(before);
    expect(await adminDb.taskNote.count({ where: { tenantId: B.tenant.id } })).toBe(notesBefore);
    const aList = await listTasks(A.admin.ctx, { scope: 'all', status: 'any' });
    expect(aList.tasks.map((t) => t.id)).toEqual([aTaskId]);
  });

  it("refuses to assign A's task to B's member", async () => {
    const e = await appErrorOf(() => reassignTask(A.admin.ctx, aTaskId, { membershipId: B.am.membershipId }));
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.status).toBeLessThan(500);
    const task = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: A.tenant.id, id: aTaskId } },
    });
    expect(task.assigneeMembershipId).toBe(A.am.membershipId);
    // The same for a random member id
    const e2 = await appErrorOf(() => reassignTask(A.admin.ctx, aTaskId, { membershipId: randomUUID() }));
    expect(shape(e2)).toEqual(shape(e));
  });

  it("lists none of B's contacts, even when asked for B's company", async () => {
    expect(await listContacts(A.admin.ctx, { companyId: bCompany.id })).toEqual([]);
    const all = await listContacts(A.admin.ctx);
    expect(all.every((c) => c.tenantId === A.tenant.id)).toBe(true);
    expect(all.map((c) => c.email)).not.toContain(bContact.email);
  });

  it("does not send B's survey, nor A's survey to B's contacts", async () => {
    const bBefore = await tenantCounts(B.tenant.id);
    await expectSameAsMissing(
      () => previewAndSend(A.admin.ctx, { surveyId: bSurvey.survey.id, audience: { type: 'all' } }),
      () => previewAndSend(A.admin.ctx, { surveyId: randomUUID(), audience: { type: 'all' } }),
    );
    const mailsBefore = sink().messages.length;
    const summary = await previewAndSend(A.admin.ctx, {
      surveyId: aSurvey.survey.id,
      audience: { type: 'companies', companyIds: [bCompany.id] },
    });
    expect(summary).toMatchObject({ total: 0, queued: 0 });
    const byContacts = await previewAndSend(A.admin.ctx, {
      surveyId: aSurvey.survey.id,
      audience: { type: 'contacts', contactIds: [bContact.id] },
    });
    expect(byContacts).toMatchObject({ total: 0, queued: 0 });
    await drainOutbox(A.tenant.id);
    expect(await adminDb.invitation.count({ where: { contactId: bContact.id, tenantId: A.tenant.id } })).toBe(
      0,
    );
    expect(await tenantCounts(B.tenant.id)).toEqual(bBefore);
    expect(
      sink()
        .messages.slice(mailsBefore)
        .filter((m) => m.to.includes(bContact.email)),
    ).toEqual([]);
    // B's distributions are invisible to A.
    expect(await listDistributions(A.admin.ctx, bSurvey.survey.id)).toEqual([]);
    const bDist = await adminDb.distribution.findFirstOrThrow({ where: { tenantId: B.tenant.id } });
    expect((await distributionInvitations(A.admin.ctx, bDist.id)).rows).toEqual([]);
  });

  it("never counts B's responses in A's dashboard", async () => {
    const a = await dashboard(A.viewer.ctx);
    expect(a.summary).toMatchObject({ n: 1, promoters: 1, passives: 0, detractors: 0, nps: 100 });
    expect(a.recentComments).toEqual([]);
    expect(a.loop.total).toBe(1);
    const b = await dashboard(B.viewer.ctx);
    expect(b.summary).toMatchObject({ n: 6, detractors: 6, nps: -100 });
    // A dashboard filtered on B's touchpoint shows nothing.
    const leak = await dashboard(A.viewer.ctx, { touchpointId: bSurvey.touchpoint.id });
    expect(leak.summary.n).toBe(0);
    expect(leak.byTouchpoint).toEqual([]);
  });

  it("job handlers with A's tenant id never act on B's rows", async () => {
    const before = await tenantCounts(B.tenant.id);
    const aBefore = await tenantCounts(A.tenant.id);
    const mails = sink().messages.length;
    expect(await createTaskForResponse({ tenantId: A.tenant.id, responseId: bResponseId })).toBeNull();
    expect(await sendInvitation({ tenantId: A.tenant.id, invitationId: bInvitationId })).toBe('not-claimed');
    expect(await sendTaskAlert({ tenantId: A.tenant.id, taskId: bTaskId })).toBe('not-claimed');
    expect(await tenantCounts(B.tenant.id)).toEqual(before);
    expect(await tenantCounts(A.tenant.id)).toEqual(aBefore);
    expect(sink().messages.length).toBe(mails);
  });

  it('answers 404 (not 500) for malformed ids', async () => {
    const bad = 'abc';
    await expectNotFound(() => getSurvey(A.admin.ctx, bad));
    await expectNotFound(() => updateSurvey(A.admin.ctx, bad, { name: 'Whatever', texts: DEFAULT_TEXTS }));
    await expectNotFound(() => setSurveyStatus(A.admin.ctx, bad, { status: 'PAUSED' }));
    await expectNotFound(() => getTask(A.admin.ctx, bad));
    await expectNotFound(() => setTaskStatus(A.admin.ctx, bad, { status: 'DONE' }));
    await expectNotFound(() => addTaskNote(A.admin.ctx, bad, { body: 'x' }));
    await expectNotFound(() => reassignTask(A.admin.ctx, bad, { membershipId: A.am.membershipId }));
    await expectNotFound(() => listContacts(A.admin.ctx, { companyId: bad }));
    await expectNotFound(() => listDistributions(A.admin.ctx, bad));
    await expectNotFound(() => distributionInvitations(A.admin.ctx, bad));
    for (const weird of [
      '\'; DROP TABLE "Survey"; --',
      '00000000-0000-0000-0000-00000000000g',
      ' ',
      '../x',
    ]) {
      await expectNotFound(() => getSurvey(A.admin.ctx, weird));
      await expectNotFound(() => getTask(A.admin.ctx, weird));
    }
    // A malformed id inside a request body is a validation error: still a client error, never a 500.
    const e = await appErrorOf(() =>
      previewAndSend(A.admin.ctx, { surveyId: bad, audience: { type: 'all' } }),
    );
    expect(e.status).toBeLessThan(500);
    expect(['NOT_FOUND', 'BAD_REQUEST']).toContain(e.code);
  });
});

describe('composite foreign keys refuse cross-tenant references', () => {
  let A: TestTenant;
  let B: TestTenant;
  let a: { survey: { id: string; touchpointId: string }; contact: { id: string }; invitationId: string };
  let b: {
    survey: { id: string; touchpointId: string };
    contact: { id: string };
    company: { id: string };
    invitationId: string;
    responseId: string;
  };

  beforeAll(async () => {
    A = await makeTenant();
    B = await makeTenant();
    const aS = await makeSurvey(A);
    const aContact = await makeContact(A);
    const aInv = await makeInvitation(A, { surveyId: aS.survey.id, contactId: aContact.id });
    a = { survey: aS.survey, contact: aContact, invitationId: aInv.invitation.id };
    const bS = await makeSurvey(B);
    const bCompany = await makeCompany(B);
    const bContact = await makeContact(B, { companyId: bCompany.id });
    const bResp = await makeResponse(B, { survey: bS.survey, contact: bContact, score: 5 });
    b = {
      survey: bS.survey,
      contact: bContact,
      company: bCompany,
      invitationId: bResp.invitationId,
      responseId: bResp.id,
    };
  });

  const response = (
    over: Partial<Record<'invitationId' | 'surveyId' | 'touchpointId' | 'contactId' | 'companyId', string>>,
  ) =>
    adminDb.response.create({
      data: {
        tenantId: A.tenant.id,
        invitationId: a.invitationId,
        surveyId: a.survey.id,
        touchpointId: a.survey.touchpointId,
        contactId: a.contact.id,
        score: 7,
        category: 'PASSIVE',
        locale: 'en',
        ...over,
      },
    });

  it("a Response in A pointing at B's invitation, survey, touchpoint, contact or company", async () => {
    await expectFkViolation(
      () => response({ invitationId: b.invitationId }),
      'Response_tenantId_invitationId_fkey',
    );
    await expectFkViolation(() => response({ surveyId: b.survey.id }), 'Response_tenantId_surveyId_fkey');
    await expectFkViolation(
      () => response({ touchpointId: b.survey.touchpointId }),
      'Response_tenantId_touchpointId_fkey',
    );
    await expectFkViolation(() => response({ contactId: b.contact.id }), 'Response_tenantId_contactId_fkey');
    await expectFkViolation(() => response({ companyId: b.company.id }), 'Response_tenantId_companyId_fkey');
    // Raw SQL is refused by the database itself, not only by Prisma.
    await expectFkViolation(
      () => adminDb.$executeRaw`
        INSERT INTO "Response" ("tenantId", "id", "invitationId", "surveyId", "touchpointId", "contactId", "score", "category", "locale")
        VALUES (${A.tenant.id}::uuid, ${randomUUID()}::uuid, ${b.invitationId}::uuid, ${b.survey.id}::uuid,
                ${b.survey.touchpointId}::uuid, ${b.contact.id}::uuid, 7, 'PASSIVE', 'en')`,
    );
    expect(await adminDb.response.count({ where: { tenantId: A.tenant.id } })).toBe(0);
    // The control: the same insert with A's own rows works.
    await expect(response({})).resolves.toMatchObject({ tenantId: A.tenant.id });
  });

  it("a FollowUpTask in A referencing B's response", async () => {
    await expectFkViolation(
      () =>
        adminDb.followUpTask.create({
          data: { tenantId: A.tenant.id, responseId: b.responseId, category: 'DETRACTOR', dueAt: new Date() },
        }),
      'FollowUpTask_tenantId_responseId_fkey',
    );
    await expectFkViolation(
      () => adminDb.$executeRaw`
        INSERT INTO "FollowUpTask" ("tenantId", "id", "responseId", "category", "status", "dueAt", "updatedAt")
        VALUES (${A.tenant.id}::uuid, ${randomUUID()}::uuid, ${b.responseId}::uuid, 'DETRACTOR', 'OPEN', now(), now())`,
    );
    expect(await adminDb.followUpTask.count({ where: { tenantId: A.tenant.id } })).toBe(0);
  });

  it("a Company in A owned by B's member, and a Contact in A at B's company", async () => {
    await expectFkViolation(
      () =>
        adminDb.company.create({
          data: { tenantId: A.tenant.id, name: 'Cross', ownerMembershipId: B.am.membershipId },
        }),
      'Company_tenantId_ownerMembershipId_fkey',
    );
    await expectFkViolation(
      () =>
        adminDb.contact.create({
          data: { tenantId: A.tenant.id, email: 'x@cross.example', companyId: b.company.id },
        }),
      'Contact_tenantId_companyId_fkey',
    );
    await expectFkViolation(
      () => adminDb.$executeRaw`
        INSERT INTO "Contact" ("tenantId", "id", "email", "companyId", "updatedAt")
        VALUES (${A.tenant.id}::uuid, ${randomUUID()}::uuid, 'y@cross.example', ${b.company.id}::uuid, now())`,
    );
    expect(await adminDb.company.count({ where: { tenantId: A.tenant.id } })).toBe(0);
    expect(
      await adminDb.contact.count({
        where: { tenantId: A.tenant.id, email: { endsWith: '@cross.example' } },
      }),
    ).toBe(0);
  });
});

describe('roles', () => {
  let T: TestTenant;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;

  beforeAll(async () => {
    T = await makeTenant();
    survey = await makeSurvey(T);
  });

  it('an account manager may not create or send surveys, import companies or invite members (403)', async () => {
    const before = await tenantCounts(T.tenant.id);
    await expectForbidden(() =>
      createSurvey(T.am.ctx, { touchpointId: survey.touchpoint.id, name: 'AM survey' }),
    );
    await expectForbidden(() =>
      previewAndSend(T.am.ctx, { surveyId: survey.survey.id, audience: { type: 'all' } }),
    );
    await expectForbidden(() => importCompaniesCsv(T.am.ctx, 'name\nAcme\n'));
    await expectForbidden(() => inviteMember(T.am.ctx, { email: 'new@x.test', role: 'VIEWER' }));
    // Viewers neither.
    await expectForbidden(() =>
      createSurvey(T.viewer.ctx, { touchpointId: survey.touchpoint.id, name: 'Viewer survey' }),
    );
    await expectForbidden(() =>
      previewAndSend(T.viewer.ctx, { surveyId: survey.survey.id, audience: { type: 'all' } }),
    );
    // An admin may not make someone owner.
    await expectForbidden(() => inviteMember(T.admin.ctx, { email: 'owner2@x.test', role: 'OWNER' }));
    expect(await tenantCounts(T.tenant.id)).toEqual(before);
    expect(await adminDb.company.count({ where: { tenantId: T.tenant.id } })).toBe(0);
    expect(await adminDb.survey.count({ where: { tenantId: T.tenant.id } })).toBe(1);
    expect(await adminDb.user.count({ where: { email: { in: ['new@x.test', 'owner2@x.test'] } } })).toBe(0);
  });

  it('a viewer may read tasks but not work them (403); an account manager works only their own', async () => {
    const am2 = await addMember(T, 'ACCOUNT_MANAGER', 'am2');
    const c1 = await makeCompany(T, { ownerMembershipId: T.am.membershipId });
    const c2 = await makeCompany(T, { ownerMembershipId: am2.membershipId });
    const r1 = await makeResponse(T, {
      survey: survey.survey,
      contact: await makeContact(T, { companyId: c1.id }),
      score: 2,
    });
    const r2 = await makeResponse(T, {
      survey: survey.survey,
      contact: await makeContact(T, { companyId: c2.id }),
      score: 8,
    });
    const own = (await createTaskForResponse({ tenantId: T.tenant.id, responseId: r1.id }))!.taskId;
    const other = (await createTaskForResponse({ tenantId: T.tenant.id, responseId: r2.id }))!.taskId;

    // Viewer: sees, cannot work.
    await expect(getTask(T.viewer.ctx, own)).resolves.toMatchObject({ id: own, canWork: false });
    await expectForbidden(() => setTaskStatus(T.viewer.ctx, own, { status: 'IN_PROGRESS' }));
    await expectForbidden(() => addTaskNote(T.viewer.ctx, own, { body: 'viewer note' }));
    await expectForbidden(() => reassignTask(T.viewer.ctx, own, { membershipId: T.viewer.membershipId }));

    // The other account manager's task does not exist for T.am.
    await expectSameAsMissing(
      () => getTask(T.am.ctx, other),
      () => getTask(T.am.ctx, randomUUID()),
    );
    await expectSameAsMissing(
      () => setTaskStatus(T.am.ctx, other, { status: 'DONE' }),
      () => setTaskStatus(T.am.ctx, randomUUID(), { status: 'DONE' }),
    );
    await expectSameAsMissing(
      () => addTaskNote(T.am.ctx, other, { body: 'x' }),
      () => addTaskNote(T.am.ctx, randomUUID(), { body: 'x' }),
    );
    await expectForbidden(() => reassignTask(T.am.ctx, own, { membershipId: T.am.membershipId }));
    const mine = await listTasks(T.am.ctx, { scope: 'all', status: 'any' });
    expect(mine.scope).toBe('mine');
    expect(mine.tasks.map((t) => t.id)).toEqual([own]);

    // Their own task: they can work it.
    await expect(getTask(T.am.ctx, own)).resolves.toMatchObject({
      id: own,
      canWork: true,
      canReassign: false,
    });
    await expect(setTaskStatus(T.am.ctx, own, { status: 'IN_PROGRESS' })).resolves.toMatchObject({
      status: 'IN_PROGRESS',
    });
    await expect(addTaskNote(T.am.ctx, own, { body: 'Called them' })).resolves.toMatchObject({
      body: 'Called them',
    });
    await expect(setTaskStatus(T.am.ctx, own, { status: 'DONE' })).resolves.toMatchObject({ status: 'DONE' });
    const otherRow = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: T.tenant.id, id: other } },
    });
    expect(otherRow.status).toBe('OPEN');
    expect(await adminDb.taskNote.count({ where: { tenantId: T.tenant.id, taskId: other } })).toBe(0);
  });
});
