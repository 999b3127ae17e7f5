/**
 * NPS math, in one place. Categories: promoters 9-10, passives 7-8, detractors 0-6.
 * NPS = % promoters - % detractors, kept exact (round for display only); no answers = no NPS (null).
 */
export type TCategory = 'PROMOTER' | 'PASSIVE' | 'DETRACTOR';
export const CATEGORIES: TCategory[] = ['PROMOTER', 'PASSIVE', 'DETRACTOR'];

export function isScore(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

export function categoryOf(score: number): TCategory {
  if (!isScore(score)) throw new RangeError(`score must be an integer 0-10, got ${score}`);
  if (score >= 9) return 'PROMOTER';
  if (score >= 7) return 'PASSIVE';
  return 'DETRACTOR';
}

export interface Counts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsSummary extends Counts {
  n: number;
  /** Exact NPS in -100..100, null when n = 0. */
  nps: number | null;
  /** 95 % interval (adjusted Wald), clamped to -100..100; null when n = 0. */
  low: number | null;
  high: number | null;
  share: { promoters: number; passives: number; detractors: number } | null;
}

export function nps(c: Counts): number | null {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return null;
  return ((c.promoters - c.detractors) / n) * 100;
}

/**
 * 95 % confidence interval for NPS with the adjusted Wald method: add 3 answers, 3/4 of them
 * promoters and 3/4 detractors, then use the normal approximation on the difference of proportions
 * (a multinomial: Var(p - d) = (p + d - (p - d)^2) / n). Behaves well at small n and at 0 % or 100 %.
 */
export function npsInterval(c: Counts, z = 1.96): { low: number; high: number } | null {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return null;
  const na = n + 3;
  const p = (c.promoters + 0.75) / na;
  const d = (c.detractors + 0.75) / na;
  const center = p - d;
  const se = Math.sqrt((p + d - center * center) / na);
  const clamp = (x: number) => Math.max(-100, Math.min(100, x * 100));
  return { low: clamp(center - z * se), high: clamp(center + z * se) };
}

export function summarize(c: Counts): NpsSummary {
  const n = c.promoters + c.passives + c.detractors;
  const ci = npsInterval(c);
  return {
    ...c,
    n,
    nps: nps(c),
    low: ci?.low ?? null,
    high: ci?.high ?? null,
    share:
      n === 0 ? null : { promoters: c.promoters / n, passives: c.passives / n, detractors: c.detractors / n },
  };
}

export function countScores(scores: number[]): Counts {
  const c: Counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) {
    const cat = categoryOf(s);
    if (cat === 'PROMOTER') c.promoters++;
    else if (cat === 'PASSIVE') c.passives++;
    else c.detractors++;
  }
  return c;
}

/** Display form: "+15", "-7", "0"; null stays null so the UI can say "no data". */
export function formatNps(value: number | null): string | null {
  if (value === null) return null;
  const r = Math.round(value);
  return r > 0 ? `+${r}` : String(r === 0 ? 0 : r);
}

/** Adjusted-Wald estimate of a sample: NPS (as a fraction) and its variance, as in npsInterval. */
function adjusted(c: Counts): { center: number; variance: number } {
  const na = c.promoters + c.passives + c.detractors + 3;
  const p = (c.promoters + 0.75) / na;
  const d = (c.detractors + 0.75) / na;
  const center = p - d;
  return { center, variance: (p + d - center * center) / na };
}

export interface NpsChange {
  /** Observed NPS of a minus observed NPS of b, in points; null when either has no answers. */
  difference: number | null;
  /** The test statistic; null when either has no answers. */
  z: number | null;
  /** True only when the two-sample test at 95 % rejects "no change" (|z| >= 1.96). */
  significant: boolean;
}

/**
 * Is the change from b to a more than noise? A two-sample z-test on the difference of two NPS
 * values from independent samples, with the adjusted-Wald estimates of the interval: each sample gets
 * 3 extra answers (3/4 promoter, 3/4 detractor), its NPS variance is (p + d - (p - d)^2) / (n + 3),
 * and z = (nps~a - nps~b) / sqrt(Var a + Var b). Significant at 95 % when |z| >= 1.96.
 */
export function compareNps(a: Counts, b: Counts, z = 1.96): NpsChange {
  const na = a.promoters + a.passives + a.detractors;
  const nb = b.promoters + b.passives + b.detractors;
  if (na === 0 || nb === 0) return { difference: null, z: null, significant: false };
  const x = adjusted(a);
  const y = adjusted(b);
  const stat = (x.center - y.center) / Math.sqrt(x.variance + y.variance);
  return { difference: nps(a)! - nps(b)!, z: stat, significant: Math.abs(stat) >= z };
}
