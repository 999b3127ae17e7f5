import { z } from 'zod';

export const ROUTE_TARGETS = ['MEMBER', 'TEAM', 'OWNER'] as const;
const PHASES = ['SALES', 'IMPLEMENTATION', 'GO_LIVE', 'ACCOUNT_MANAGEMENT', 'SUPPORT', 'CUSTOM'] as const;
const CATEGORIES = ['PROMOTER', 'PASSIVE', 'DETRACTOR'] as const;

/** A form's empty select or input means "any": undefined, not "". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalId = z.preprocess(blank, z.uuid().optional());
const optionalScore = z.preprocess(blank, z.coerce.number().int().min(0).max(10).optional());

export const ZRuleInput = z.object({
  name: z.string().trim().min(1).max(100),
  touchpointId: optionalId,
  phase: z.preprocess(blank, z.enum(PHASES).optional()),
  category: z.preprocess(blank, z.enum(CATEGORIES).optional()),
  scoreMin: optionalScore,
  scoreMax: optionalScore,
  businessUnitId: optionalId,
  companyId: optionalId,
  region: z.preprocess(blank, z.string().trim().max(100).optional()),
  target: z.enum(ROUTE_TARGETS),
  targetMembershipId: optionalId,
  targetTeamId: optionalId,
});
export type TRuleInput = z.input<typeof ZRuleInput>;
export type TRuleValues = z.output<typeof ZRuleInput>;

export const ZMoveRule = z.object({ direction: z.enum(['up', 'down']) });

export const ZTeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.uuid()).default([]),
});
export type TTeamInput = z.input<typeof ZTeamInput>;

/** "Test this rule": a made-up answer. */
export const ZRoutingProbe = z.object({
  touchpointId: z.uuid(),
  companyId: optionalId,
  score: z.coerce.number().int().min(0).max(10),
});
export type TRoutingProbe = z.input<typeof ZRoutingProbe>;
