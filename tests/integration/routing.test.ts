// Routing rules (issue 9 item 1): first match wins, round-robin is fair under concurrency, a rule
// that cannot be followed is refused when saved and falls back to the owner rule at run time.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { createTaskForResponse } from '../../lib/followup/create-task';
import {
  createRule,
  createTeam,
  deleteRule,
  deleteTeam,
  moveRule,
  routingOverview,
  testRouting,
  updateRule,
} from '../../lib/routing/service';
import { adminDb } from '../support/db';
import {
  addMember,
  makeCompany,
  makeContact,
  makeResponse,
  makeSurvey,
  makeTenant,
  type TestTenant,
} from '../support/factories';

async function answerAt(
  t: TestTenant,
  s: Awaited<ReturnType<typeof makeSurvey>>,
  score: number,
  company?: { id: string } | null,
) {
  const contact = await makeContact(t, { companyId: company?.id });
  const response = await makeResponse(t, { survey: s.survey, contact, score });
  const r = await createTaskForResponse({ tenantId: t.tenant.id, responseId: response.id });
  const task = await adminDb.followUpTask.findUniqueOrThrow({
    where: { tenantId_id: { tenantId: t.tenant.id, id: r!.taskId } },
  });
  return task;
}

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError & { details: { fields: Record<string, string> } }).details.fields;
}

describe('routing rules', () => {
  it('without rules the owner rule decides, as before: the company owner, else the CX manager', async () => {
    const t = await makeTenant();
    const s = await makeSurvey(t);
    const owned = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    expect((await answerAt(t, s, 3, owned)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await answerAt(t, s, 3, null)).assigneeMembershipId).toBe(t.admin.membershipId);
  });

  it('tries the rules in order; the first match wins; moving a rule changes who wins', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const s = await makeSurvey(t);
    const other = await makeSurvey(t);
    const detractors = await createRule(t.admin.ctx, {
      name: 'Detractors to am2',
      category: 'DETRACTOR',
      target: 'MEMBER',
      targetMembershipId: am2.membershipId,
    });
    await createRule(t.admin.ctx, {
      name: 'This touchpoint to am',
      touchpointId: s.touchpoint.id,
      target: 'MEMBER',
      targetMembershipId: t.am.membershipId,
    });
    expect((await answerAt(t, s, 2)).assigneeMembershipId).toBe(am2.membershipId);
    expect((await answerAt(t, s, 9)).assigneeMembershipId).toBe(t.am.membershipId);
    // Neither matches: the owner rule (no company -> the CX manager).
    expect((await answerAt(t, other, 9)).assigneeMembershipId).toBe(t.admin.membershipId);

    await moveRule(t.admin.ctx, detractors.id, { direction: 'down' });
    expect((await answerAt(t, s, 2)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await answerAt(t, other, 2)).assigneeMembershipId).toBe(am2.membershipId);

    const created = await adminDb.auditLog.findFirstOrThrow({
      where: { tenantId: t.tenant.id, action: 'task.created' },
      orderBy: { id: 'desc' },
    });
    expect(created.data).toMatchObject({ routing: { rule: 'Detractors to am2', via: 'MEMBER' } });
  });

  it('matches on score range, business unit, company and region', async () => {
    const t = await makeTenant();
    const s = await makeSurvey(t);
    const bu = await adminDb.businessUnit.create({ data: { tenantId: t.tenant.id, name: 'North' } });
    const north = await adminDb.company.create({
      data: { tenantId: t.tenant.id, name: 'N', businessUnitId: bu.id, region: 'Noord-Holland' },
    });
    const south = await adminDb.company.create({
      data: { tenantId: t.tenant.id, name: 'S', region: 'Limburg' },
    });
    await createRule(t.admin.ctx, {
      name: 'Low scores in the north',
      businessUnitId: bu.id,
      scoreMin: '0',
      scoreMax: '4',
      target: 'MEMBER',
      targetMembershipId: t.am.membershipId,
    });
    await createRule(t.admin.ctx, {
      name: 'Limburg',
      region: ' limburg ',
      target: 'MEMBER',
      targetMembershipId: t.owner.membershipId,
    });
    expect((await answerAt(t, s, 4, north)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await answerAt(t, s, 5, north)).assigneeMembershipId).toBe(t.admin.membershipId);
    expect((await answerAt(t, s, 5, south)).assigneeMembershipId).toBe(t.owner.membershipId);
  });

  it('a team shares follow-ups evenly in turn, also when they are created concurrently', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const am3 = await addMember(t, 'ACCOUNT_MANAGER', 'am3');
    const team = await createTeam(t.admin.ctx, {
      name: 'Support desk',
      memberIds: [t.am.membershipId, am2.membershipId, am3.membershipId],
    });
    await createRule(t.admin.ctx, { name: 'All to the desk', target: 'TEAM', targetTeamId: team.id });
    const s = await makeSurvey(t);
    const responses = [];
    for (let i = 0; i < 12; i++) {
      const contact = await makeContact(t);
      responses.push(await makeResponse(t, { survey: s.survey, contact, score: i % 11 }));
    }
    // Every answer's job twice at once (two workers), four answers at a time: eight concurrent
    // transactions stay within the pool (10) on a loaded machine.
    for (let i = 0; i < responses.length; i += 4) {
      const batch = responses.slice(i, i + 4);
      await Promise.all(
        [...batch, ...batch].map((r) => createTaskForResponse({ tenantId: t.tenant.id, responseId: r.id })),
      );
    }
    const tasks = await adminDb.followUpTask.findMany({ where: { tenantId: t.tenant.id } });
    expect(tasks).toHaveLength(12);
    const per = new Map<string, number>();
    for (const task of tasks)
      per.set(task.assigneeMembershipId!, (per.get(task.assigneeMembershipId!) ?? 0) + 1);
    expect([...per.entries()].sort()).toEqual(
      [
        [t.am.membershipId, 4],
        [am2.membershipId, 4],
        [am3.membershipId, 4],
      ].sort(),
    );
    const after = await adminDb.routingTeam.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: team.id } },
    });
    expect(after.turns).toBe(12);
  });

  it('"test this rule" shows who would get an answer, without taking a turn', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const team = await createTeam(t.admin.ctx, {
      name: 'Desk',
      memberIds: [t.am.membershipId, am2.membershipId],
    });
    const s = await makeSurvey(t);
    await createRule(t.admin.ctx, {
      name: 'Detractors',
      category: 'DETRACTOR',
      target: 'TEAM',
      targetTeamId: team.id,
    });
    const first = await testRouting(t.admin.ctx, { touchpointId: s.touchpoint.id, score: 3 });
    const again = await testRouting(t.admin.ctx, { touchpointId: s.touchpoint.id, score: '3' });
    expect(first).toMatchObject({ ruleName: 'Detractors', via: 'TEAM', membershipId: t.am.membershipId });
    expect(again.membershipId).toBe(t.am.membershipId);
    const promoter = await testRouting(t.admin.ctx, { touchpointId: s.touchpoint.id, score: 10 });
    expect(promoter).toMatchObject({ ruleName: null, via: 'OWNER', membershipId: t.admin.membershipId });
    // The real task takes the turn the box showed.
    expect((await answerAt(t, s, 3)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await testRouting(t.admin.ctx, { touchpointId: s.touchpoint.id, score: 3 })).membershipId).toBe(
      am2.membershipId,
    );
  });

  it('refuses a rule that matches nothing, points at a removed member or a team of nobody, with the reason', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const gone = await addMember(t, 'ACCOUNT_MANAGER', 'gone');
    await adminDb.membership.delete({
      where: { tenantId_id: { tenantId: t.tenant.id, id: gone.membershipId } },
    });
    expect(
      await refusal(createRule(t.admin.ctx, { name: 'x', scoreMin: 8, scoreMax: 3, target: 'OWNER' })),
    ).toEqual({ scoreMax: expect.stringMatching(/matches no answer/) });
    expect(
      await refusal(
        createRule(t.admin.ctx, { name: 'x', category: 'PROMOTER', scoreMax: 6, target: 'OWNER' }),
      ),
    ).toEqual({ scoreMin: expect.stringMatching(/outside the category/) });
    expect(
      await refusal(
        createRule(t.admin.ctx, { name: 'x', target: 'MEMBER', targetMembershipId: gone.membershipId }),
      ),
    ).toEqual({ targetMembershipId: 'this member is no longer part of the organisation' });
    expect(
      await refusal(
        createRule(t.admin.ctx, { name: 'x', target: 'MEMBER', targetMembershipId: t.viewer.membershipId }),
      ),
    ).toEqual({ targetMembershipId: expect.stringMatching(/cannot work follow-ups/) });
    // Another organisation's member is unknown here, exactly like a removed one.
    expect(
      await refusal(
        createRule(t.admin.ctx, { name: 'x', target: 'MEMBER', targetMembershipId: other.am.membershipId }),
      ),
    ).toEqual({ targetMembershipId: 'this member is no longer part of the organisation' });
    expect(await refusal(createTeam(t.admin.ctx, { name: 'Empty', memberIds: [] }))).toEqual({
      memberIds: expect.stringMatching(/at least one member/),
    });
    expect(
      await refusal(createTeam(t.admin.ctx, { name: 'Watchers', memberIds: [t.viewer.membershipId] })),
    ).toEqual({ memberIds: expect.stringMatching(/cannot work follow-ups/) });
    // In Dutch for a Dutch CX manager.
    expect(
      await refusal(
        createRule(
          { ...t.admin.ctx, locale: 'nl' },
          { name: 'x', scoreMin: 8, scoreMax: 3, target: 'OWNER' },
        ),
      ),
    ).toEqual({ scoreMax: expect.stringMatching(/past op geen enkel antwoord/) });
    expect(await adminDb.routingRule.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });

  it('at run time a removed member or an emptied team falls back to the owner rule, never to nobody', async () => {
    const t = await makeTenant();
    const am2 = await addMember(t, 'ACCOUNT_MANAGER', 'am2');
    const am3 = await addMember(t, 'ACCOUNT_MANAGER', 'am3');
    const team = await createTeam(t.admin.ctx, { name: 'Desk', memberIds: [am3.membershipId] });
    const s = await makeSurvey(t);
    const company = await makeCompany(t, { ownerMembershipId: t.am.membershipId });
    await createRule(t.admin.ctx, {
      name: 'Detractors to am2',
      category: 'DETRACTOR',
      target: 'MEMBER',
      targetMembershipId: am2.membershipId,
    });
    await createRule(t.admin.ctx, {
      name: 'Promoters to the desk',
      category: 'PROMOTER',
      target: 'TEAM',
      targetTeamId: team.id,
    });
    await adminDb.membership.delete({
      where: { tenantId_id: { tenantId: t.tenant.id, id: am2.membershipId } },
    });
    await adminDb.membership.delete({
      where: { tenantId_id: { tenantId: t.tenant.id, id: am3.membershipId } },
    });

    expect((await answerAt(t, s, 2, company)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await answerAt(t, s, 10, company)).assigneeMembershipId).toBe(t.am.membershipId);
    expect((await answerAt(t, s, 10, null)).assigneeMembershipId).toBe(t.admin.membershipId);
    const trail = await adminDb.auditLog.findMany({
      where: { tenantId: t.tenant.id, action: 'task.created' },
      orderBy: { id: 'asc' },
    });
    expect(trail.map((a) => (a.data as { routing: { fallback: string } }).routing.fallback)).toEqual([
      'memberGone',
      'teamEmpty',
      'teamEmpty',
    ]);
    const o = await routingOverview(t.admin.ctx);
    expect(o.rules.map((r) => r.problem)).toEqual(['memberGone', 'teamEmpty']);
    expect(
      (await testRouting(t.admin.ctx, { touchpointId: s.touchpoint.id, companyId: company.id, score: 1 }))
        .fallback,
    ).toBe('memberGone');
  });

  it('changing the rules never moves open follow-ups', async () => {
    const t = await makeTenant();
    const s = await makeSurvey(t);
    const open = await answerAt(t, s, 3);
    expect(open.assigneeMembershipId).toBe(t.admin.membershipId);
    const rule = await createRule(t.admin.ctx, {
      name: 'All to am',
      target: 'MEMBER',
      targetMembershipId: t.am.membershipId,
    });
    await updateRule(t.admin.ctx, rule.id, {
      name: 'All to owner',
      target: 'MEMBER',
      targetMembershipId: t.owner.membershipId,
    });
    await deleteRule(t.admin.ctx, rule.id);
    const after = await adminDb.followUpTask.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: t.tenant.id, id: open.id } },
    });
    expect(after.assigneeMembershipId).toBe(t.admin.membershipId);
    expect(await adminDb.outboxEvent.count({ where: { tenantId: t.tenant.id, type: 'task.alert' } })).toBe(1);
  });

  it('a team a rule uses is not deleted; only CX managers manage routing; foreign ids are not found', async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const team = await createTeam(t.admin.ctx, { name: 'Desk', memberIds: [t.am.membershipId] });
    const rule = await createRule(t.admin.ctx, { name: 'All', target: 'TEAM', targetTeamId: team.id });
    expect(await refusal(deleteTeam(t.admin.ctx, team.id))).toEqual({
      teamId: expect.stringMatching(/first/),
    });
    await expect(createRule(t.am.ctx, { name: 'x', target: 'OWNER' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(routingOverview(t.viewer.ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteRule(other.admin.ctx, rule.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteTeam(other.admin.ctx, team.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createRule(other.admin.ctx, { name: 'x', target: 'TEAM', targetTeamId: team.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await routingOverview(other.admin.ctx)).rules).toEqual([]);
    await deleteRule(t.admin.ctx, rule.id);
    await deleteTeam(t.admin.ctx, team.id);
    expect(await adminDb.routingTeam.count({ where: { tenantId: t.tenant.id } })).toBe(0);
  });
});
