import type { Tx } from '../db';
import { firstMatch, type TRoutingFacts } from './match';

/** Roles that can work follow-ups (lib/auth/permissions: task.work). */
export const WORKING_ROLES = ['OWNER', 'ADMIN', 'ACCOUNT_MANAGER'] as const;

/** Why a matching rule could not be followed; the owner rule took over. */
export type TFallback = 'memberGone' | 'teamEmpty';

export interface TRouteDecision {
  membershipId: string | null;
  /** The rule that matched, or null when none did (the owner rule, today's default). */
  ruleId: string | null;
  ruleName: string | null;
  via: 'MEMBER' | 'TEAM' | 'OWNER';
  teamId?: string;
  fallback?: TFallback;
}

/**
 * The owner rule, the default: the company's account manager, else the organisation's first CX
 * manager (admin, then owner). Null only for an organisation without any.
 */
export async function ownerRule(tx: Tx, tenantId: string, companyOwnerId: string | null) {
  if (companyOwnerId) return companyOwnerId;
  const admins = await tx.membership.findMany({
    where: { tenantId, role: { in: ['ADMIN', 'OWNER'] } },
    select: { id: true, role: true },
    orderBy: { createdAt: 'asc' },
  });
  return (admins.find((a) => a.role === 'ADMIN') ?? admins[0])?.id ?? null;
}

/** The members of a team who can work follow-ups, in a fixed order (the order of turns). */
export async function teamWorkers(tx: Tx, tenantId: string, teamId: string) {
  const rows = await tx.routingTeamMember.findMany({
    where: { tenantId, teamId, membership: { role: { in: [...WORKING_ROLES] } } },
    select: { membershipId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => r.membershipId);
}

/**
 * Takes the team's next turn: one atomic UPDATE ... RETURNING on the team's counter, so concurrent
 * follow-ups (several workers) get consecutive turns and the members share them evenly.
 */
async function takeTurn(tx: Tx, tenantId: string, teamId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ turns: number }[]>`
    UPDATE "RoutingTeam" SET "turns" = "turns" + 1
    WHERE "tenantId" = ${tenantId}::uuid AND "id" = ${teamId}::uuid
    RETURNING "turns"`;
  return (rows[0]?.turns ?? 1) - 1;
}

/**
 * Who gets a new follow-up: the first matching rule, in order. A rule whose member was removed (or
 * can no longer work follow-ups) or whose team has nobody falls back to the owner rule, never to
 * nobody. `consume: false` (the "test this rule" box) peeks at the team's next turn without taking it.
 */
export async function decideAssignee(
  tx: Tx,
  tenantId: string,
  facts: TRoutingFacts,
  companyOwnerId: string | null,
  { consume = true }: { consume?: boolean } = {},
): Promise<TRouteDecision> {
  const rules = await tx.routingRule.findMany({
    where: { tenantId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  const rule = firstMatch(rules, facts);
  const owner = async (fallback?: TFallback): Promise<TRouteDecision> => ({
    membershipId: await ownerRule(tx, tenantId, companyOwnerId),
    ruleId: rule?.id ?? null,
    ruleName: rule?.name ?? null,
    via: 'OWNER',
    ...(fallback ? { fallback } : {}),
  });
  if (!rule || rule.target === 'OWNER') return owner();
  if (rule.target === 'MEMBER') {
    const m = rule.targetMembershipId
      ? await tx.membership.findFirst({
          where: { tenantId, id: rule.targetMembershipId, role: { in: [...WORKING_ROLES] } },
          select: { id: true },
        })
      : null;
    if (!m) return owner('memberGone');
    return { membershipId: m.id, ruleId: rule.id, ruleName: rule.name, via: 'MEMBER' };
  }
  const teamId = rule.targetTeamId;
  const workers = teamId ? await teamWorkers(tx, tenantId, teamId) : [];
  if (!teamId || workers.length === 0) return owner('teamEmpty');
  const turn = consume
    ? await takeTurn(tx, tenantId, teamId)
    : ((
        await tx.routingTeam.findUnique({
          where: { tenantId_id: { tenantId, id: teamId } },
          select: { turns: true },
        })
      )?.turns ?? 0);
  return {
    membershipId: workers[turn % workers.length]!,
    ruleId: rule.id,
    ruleName: rule.name,
    via: 'TEAM',
    teamId,
  };
}
