import { isUniqueViolation, withTenant, type Tx } from '../db';
import { audit } from '../audit';
import { AppError, notFound } from '../errors';
import type { TLocale } from '../i18n';
import type { TenantContext } from '../tenancy/context';
import { authorize } from '../tenancy/service';
import { parseInput, rule as ruleText, ZId } from '../validation';
import { contradiction, type TRuleConditions } from './match';
import { decideAssignee, teamWorkers, WORKING_ROLES } from './route';
import {
  ZMoveRule,
  ZRoutingProbe,
  ZRuleInput,
  ZTeamInput,
  type TRoutingProbe,
  type TRuleInput,
  type TRuleValues,
  type TTeamInput,
} from './schemas';

const refuse = (locale: TLocale, field: string, key: Parameters<typeof ruleText>[1]) => {
  const message = ruleText(locale, key);
  return new AppError('BAD_REQUEST', message, { fields: { [field]: message } });
};

/** The rules in order, the teams with their members, and what the pickers need. */
export async function routingOverview(ctx: TenantContext) {
  authorize(ctx, 'routing.manage');
  return withTenant(ctx.tenantId, async (tx) => {
    const tenantId = ctx.tenantId;
    const [rules, teams, members, touchpoints, units, companies, openTasks] = await Promise.all([
      tx.routingRule.findMany({ where: { tenantId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
      tx.routingTeam.findMany({
        where: { tenantId },
        include: {
          members: { select: { membershipId: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
        orderBy: { name: 'asc' },
      }),
      tx.membership.findMany({
        where: { tenantId, role: { in: [...WORKING_ROLES] } },
        select: { id: true, role: true, user: { select: { name: true, email: true } } },
        orderBy: { createdAt: 'asc' },
      }),
      tx.touchpoint.findMany({
        where: { tenantId },
        select: { id: true, name: true, phase: true },
        orderBy: { name: 'asc' },
      }),
      tx.businessUnit.findMany({
        where: { tenantId },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
      }),
      tx.company.findMany({
        where: { tenantId },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
        take: 1000,
      }),
      tx.followUpTask.count({ where: { tenantId, status: { not: 'DONE' } } }),
    ]);
    const memberName = new Map(members.map((m) => [m.id, m.user.name ?? m.user.email]));
    return {
      rules: rules.map((r) => ({
        ...r,
        // A rule that can no longer be followed says so; at run time it falls back to the owner rule.
        problem:
          r.target === 'MEMBER' && (!r.targetMembershipId || !memberName.has(r.targetMembershipId))
            ? ('memberGone' as const)
            : r.target === 'TEAM' &&
                !teams
                  .find((t) => t.id === r.targetTeamId)
                  ?.members.some((m) => memberName.has(m.membershipId))
              ? ('teamEmpty' as const)
              : null,
      })),
      teams: teams.map((t) => ({
        id: t.id,
        name: t.name,
        members: t.members
          .filter((m) => memberName.has(m.membershipId))
          .map((m) => ({ membershipId: m.membershipId, name: memberName.get(m.membershipId)! })),
      })),
      members: members.map((m) => ({ membershipId: m.id, name: memberName.get(m.id)! })),
      touchpoints,
      businessUnits: units,
      companies,
      openTasks,
    };
  });
}

/** Refuses a rule that could never match, or whose target cannot take follow-ups, with the reason. */
async function checkRule(tx: Tx, ctx: TenantContext, v: TRuleValues) {
  const tenantId = ctx.tenantId;
  const touchpoint = v.touchpointId
    ? await tx.touchpoint.findUnique({ where: { tenantId_id: { tenantId, id: v.touchpointId } } })
    : null;
  if (v.touchpointId && !touchpoint) throw refuse(ctx.locale, 'touchpointId', 'unknownTouchpoint');
  if (
    v.businessUnitId &&
    !(await tx.businessUnit.findUnique({ where: { tenantId_id: { tenantId, id: v.businessUnitId } } }))
  )
    throw refuse(ctx.locale, 'businessUnitId', 'unknownBusinessUnit');
  const company = v.companyId
    ? await tx.company.findUnique({ where: { tenantId_id: { tenantId, id: v.companyId } } })
    : null;
  if (v.companyId && !company) throw refuse(ctx.locale, 'companyId', 'unknownCompanyId');
  const conditions: TRuleConditions = {
    touchpointId: v.touchpointId ?? null,
    phase: v.phase ?? null,
    category: v.category ?? null,
    scoreMin: v.scoreMin ?? null,
    scoreMax: v.scoreMax ?? null,
    businessUnitId: v.businessUnitId ?? null,
    companyId: v.companyId ?? null,
    region: v.region ?? null,
  };
  const never = contradiction(conditions, {
    touchpointPhase: touchpoint?.phase ?? null,
    companyBusinessUnitId: company?.businessUnitId ?? null,
    companyRegion: company?.region ?? null,
  });
  if (never) {
    const field = {
      scoreRange: 'scoreMax',
      categoryScore: 'scoreMin',
      touchpointPhase: 'phase',
      companyUnit: 'businessUnitId',
      companyRegion: 'region',
    }[never];
    throw refuse(ctx.locale, field, `ruleNeverMatches_${never}`);
  }
  if (v.target === 'MEMBER') {
    if (!v.targetMembershipId) throw refuse(ctx.locale, 'targetMembershipId', 'pickMember');
    const m = await tx.membership.findUnique({
      where: { tenantId_id: { tenantId, id: v.targetMembershipId } },
    });
    if (!m) throw refuse(ctx.locale, 'targetMembershipId', 'memberRemoved');
    if (!(WORKING_ROLES as readonly string[]).includes(m.role))
      throw refuse(ctx.locale, 'targetMembershipId', 'cannotWorkTasks');
  }
  if (v.target === 'TEAM') {
    if (!v.targetTeamId) throw refuse(ctx.locale, 'targetTeamId', 'pickTeam');
    const team = await tx.routingTeam.findUnique({
      where: { tenantId_id: { tenantId, id: v.targetTeamId } },
    });
    if (!team) throw refuse(ctx.locale, 'targetTeamId', 'pickTeam');
    if ((await teamWorkers(tx, tenantId, team.id)).length === 0)
      throw refuse(ctx.locale, 'targetTeamId', 'teamOfNobody');
  }
  return {
    ...conditions,
    phase: v.phase ?? null,
    category: v.category ?? null,
    name: v.name,
    target: v.target,
    targetMembershipId: v.target === 'MEMBER' ? v.targetMembershipId! : null,
    targetTeamId: v.target === 'TEAM' ? v.targetTeamId! : null,
  };
}

/**
 * Adds a rule at the end of the list. Rules decide for new answers only: open follow-ups keep their
 * assignee (a CX manager moves one by reassigning it, which alerts the new assignee).
 */
export async function createRule(ctx: TenantContext, input: TRuleInput) {
  authorize(ctx, 'routing.manage');
  const v = parseInput(ZRuleInput, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const data = await checkRule(tx, ctx, v);
    const last = await tx.routingRule.aggregate({
      where: { tenantId: ctx.tenantId },
      _max: { position: true },
    });
    const rule = await tx.routingRule.create({
      data: { tenantId: ctx.tenantId, position: (last._max.position ?? 0) + 1, ...data },
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.rule.created',
      entityType: 'routingRule',
      entityId: rule.id,
      data: { ...data },
    });
    return rule;
  });
}

async function loadRule(tx: Tx, ctx: TenantContext, id: string) {
  if (!ZId.safeParse(id).success) throw notFound();
  const rule = await tx.routingRule.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
  if (!rule) throw notFound();
  return rule;
}

export async function updateRule(ctx: TenantContext, id: string, input: TRuleInput) {
  authorize(ctx, 'routing.manage');
  const v = parseInput(ZRuleInput, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await loadRule(tx, ctx, id);
    const data = await checkRule(tx, ctx, v);
    const rule = await tx.routingRule.update({
      where: { tenantId_id: { tenantId: ctx.tenantId, id } },
      data,
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.rule.updated',
      entityType: 'routingRule',
      entityId: id,
      data: { ...data },
    });
    return rule;
  });
}

export async function deleteRule(ctx: TenantContext, id: string) {
  authorize(ctx, 'routing.manage');
  return withTenant(ctx.tenantId, async (tx) => {
    const rule = await loadRule(tx, ctx, id);
    await tx.routingRule.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.rule.deleted',
      entityType: 'routingRule',
      entityId: id,
      data: { name: rule.name },
    });
  });
}

/** Swaps a rule with its neighbour; positions are renumbered 1..n so they stay dense. */
export async function moveRule(ctx: TenantContext, id: string, input: { direction: string }) {
  authorize(ctx, 'routing.manage');
  const { direction } = parseInput(ZMoveRule, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    await loadRule(tx, ctx, id);
    // Serialises concurrent moves of this tenant's list.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`routing:${ctx.tenantId}`}))`;
    const rules = await tx.routingRule.findMany({
      where: { tenantId: ctx.tenantId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    const i = rules.findIndex((r) => r.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= rules.length) return;
    [rules[i], rules[j]] = [rules[j]!, rules[i]!];
    for (const [k, r] of rules.entries())
      await tx.routingRule.update({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: r.id } },
        data: { position: k + 1 },
      });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.rule.moved',
      entityType: 'routingRule',
      entityId: id,
      data: { direction, position: j + 1 },
    });
  });
}

async function checkTeamMembers(tx: Tx, ctx: TenantContext, memberIds: string[]) {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) throw refuse(ctx.locale, 'memberIds', 'teamOfNobody');
  const found = await tx.membership.findMany({
    where: { tenantId: ctx.tenantId, id: { in: ids } },
    select: { id: true, role: true },
  });
  if (found.length !== ids.length) throw refuse(ctx.locale, 'memberIds', 'memberRemoved');
  if (found.some((m) => !(WORKING_ROLES as readonly string[]).includes(m.role)))
    throw refuse(ctx.locale, 'memberIds', 'cannotWorkTasks');
  return ids;
}

/** A team of one or more members who can work follow-ups; a team of nobody is refused. */
export async function createTeam(ctx: TenantContext, input: TTeamInput) {
  authorize(ctx, 'routing.manage');
  const v = parseInput(ZTeamInput, input, ctx.locale);
  try {
    return await withTenant(ctx.tenantId, async (tx) => {
      const ids = await checkTeamMembers(tx, ctx, v.memberIds);
      const team = await tx.routingTeam.create({ data: { tenantId: ctx.tenantId, name: v.name } });
      await tx.routingTeamMember.createMany({
        data: ids.map((membershipId) => ({ tenantId: ctx.tenantId, teamId: team.id, membershipId })),
      });
      await audit(tx, {
        tenantId: ctx.tenantId,
        actorUserId: ctx.userId,
        action: 'routing.team.created',
        entityType: 'routingTeam',
        entityId: team.id,
        data: { name: v.name, memberIds: ids },
      });
      return team;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw refuse(ctx.locale, 'name', 'teamNameTaken');
    throw err;
  }
}

/** Replaces a team's members; the turn counter stays, so the rotation carries on. */
export async function setTeamMembers(ctx: TenantContext, id: string, input: { memberIds?: string[] }) {
  authorize(ctx, 'routing.manage');
  const { memberIds } = parseInput(ZTeamInput.pick({ memberIds: true }), input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    if (!ZId.safeParse(id).success) throw notFound();
    const team = await tx.routingTeam.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
    if (!team) throw notFound();
    const ids = await checkTeamMembers(tx, ctx, memberIds);
    await tx.routingTeamMember.deleteMany({
      where: { tenantId: ctx.tenantId, teamId: id, membershipId: { notIn: ids } },
    });
    await tx.routingTeamMember.createMany({
      data: ids.map((membershipId) => ({ tenantId: ctx.tenantId, teamId: id, membershipId })),
      skipDuplicates: true,
    });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.team.members',
      entityType: 'routingTeam',
      entityId: id,
      data: { memberIds: ids },
    });
  });
}

/** A team that a rule uses is not deleted: the rule would be left pointing at nothing. */
export async function deleteTeam(ctx: TenantContext, id: string) {
  authorize(ctx, 'routing.manage');
  return withTenant(ctx.tenantId, async (tx) => {
    if (!ZId.safeParse(id).success) throw notFound();
    const team = await tx.routingTeam.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
    if (!team) throw notFound();
    if ((await tx.routingRule.count({ where: { tenantId: ctx.tenantId, targetTeamId: id } })) > 0)
      throw refuse(ctx.locale, 'teamId', 'teamInUse');
    await tx.routingTeam.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
    await audit(tx, {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: 'routing.team.deleted',
      entityType: 'routingTeam',
      entityId: id,
      data: { name: team.name },
    });
  });
}

/**
 * "Test this rule": who would get an answer with this score at this touchpoint from this company,
 * by which rule, without taking a team's turn.
 */
export async function testRouting(ctx: TenantContext, input: TRoutingProbe) {
  authorize(ctx, 'routing.manage');
  const p = parseInput(ZRoutingProbe, input, ctx.locale);
  return withTenant(ctx.tenantId, async (tx) => {
    const tenantId = ctx.tenantId;
    const touchpoint = await tx.touchpoint.findUnique({
      where: { tenantId_id: { tenantId, id: p.touchpointId } },
    });
    if (!touchpoint) throw refuse(ctx.locale, 'touchpointId', 'unknownTouchpoint');
    const company = p.companyId
      ? await tx.company.findUnique({ where: { tenantId_id: { tenantId, id: p.companyId } } })
      : null;
    if (p.companyId && !company) throw refuse(ctx.locale, 'companyId', 'unknownCompanyId');
    const category = p.score >= 9 ? 'PROMOTER' : p.score >= 7 ? 'PASSIVE' : 'DETRACTOR';
    const d = await decideAssignee(
      tx,
      tenantId,
      {
        touchpointId: touchpoint.id,
        phase: touchpoint.phase,
        category,
        score: p.score,
        companyId: company?.id ?? null,
        businessUnitId: company?.businessUnitId ?? null,
        region: company?.region ?? null,
      },
      company?.ownerMembershipId ?? null,
      { consume: false },
    );
    const who = d.membershipId
      ? await tx.membership.findUnique({
          where: { tenantId_id: { tenantId, id: d.membershipId } },
          select: { user: { select: { name: true, email: true } } },
        })
      : null;
    return { ...d, category, assignee: who ? (who.user.name ?? who.user.email) : null };
  });
}
