import type { TCategory } from '../nps';

/** What a rule can match on: the answer, its touchpoint and its company. */
export interface TRoutingFacts {
  touchpointId: string;
  phase: string;
  category: TCategory;
  score: number;
  companyId: string | null;
  businessUnitId: string | null;
  region: string | null;
}

export interface TRuleConditions {
  touchpointId: string | null;
  phase: string | null;
  category: string | null;
  scoreMin: number | null;
  scoreMax: number | null;
  businessUnitId: string | null;
  companyId: string | null;
  region: string | null;
}

const norm = (s: string | null) => (s ?? '').trim().toLocaleLowerCase();

/** Every condition that is set must hold; an unset condition matches anything. */
export function ruleMatches(r: TRuleConditions, f: TRoutingFacts): boolean {
  return (
    (r.touchpointId === null || r.touchpointId === f.touchpointId) &&
    (r.phase === null || r.phase === f.phase) &&
    (r.category === null || r.category === f.category) &&
    (r.scoreMin === null || f.score >= r.scoreMin) &&
    (r.scoreMax === null || f.score <= r.scoreMax) &&
    (r.businessUnitId === null || r.businessUnitId === f.businessUnitId) &&
    (r.companyId === null || r.companyId === f.companyId) &&
    (r.region === null || (f.region !== null && norm(r.region) === norm(f.region)))
  );
}

/** The first rule (in the order given) that matches, or null. */
export function firstMatch<R extends TRuleConditions>(rules: R[], f: TRoutingFacts): R | null {
  return rules.find((r) => ruleMatches(r, f)) ?? null;
}

const CATEGORY_SCORES: Record<TCategory, [number, number]> = {
  DETRACTOR: [0, 6],
  PASSIVE: [7, 8],
  PROMOTER: [9, 10],
};

/**
 * Why no answer could ever match these conditions, or null when one can. The score range must be a
 * range and overlap the category's scores; the touchpoint and company must agree with the phase,
 * business unit and region asked for (`facts` gives what the chosen touchpoint and company are).
 */
export function contradiction(
  r: TRuleConditions,
  chosen: {
    touchpointPhase?: string | null;
    companyBusinessUnitId?: string | null;
    companyRegion?: string | null;
  },
): 'scoreRange' | 'categoryScore' | 'touchpointPhase' | 'companyUnit' | 'companyRegion' | null {
  const lo = r.scoreMin ?? 0;
  const hi = r.scoreMax ?? 10;
  if (lo > hi) return 'scoreRange';
  if (r.category) {
    const [cLo, cHi] = CATEGORY_SCORES[r.category as TCategory];
    if (hi < cLo || lo > cHi) return 'categoryScore';
  }
  if (r.touchpointId && r.phase && chosen.touchpointPhase && chosen.touchpointPhase !== r.phase)
    return 'touchpointPhase';
  if (r.companyId && r.businessUnitId && chosen.companyBusinessUnitId !== r.businessUnitId)
    return 'companyUnit';
  if (r.companyId && r.region && norm(chosen.companyRegion ?? null) !== norm(r.region))
    return 'companyRegion';
  return null;
}
