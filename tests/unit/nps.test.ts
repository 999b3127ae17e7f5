import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  compareNps,
  countScores,
  formatNps,
  isScore,
  nps,
  npsInterval,
  summarize,
  type Counts,
} from '../../lib/nps';

const counts = (promoters: number, passives: number, detractors: number): Counts => ({
  promoters,
  passives,
  detractors,
});

describe('categoryOf', () => {
  const expected: Record<number, string> = {
    0: 'DETRACTOR',
    1: 'DETRACTOR',
    2: 'DETRACTOR',
    3: 'DETRACTOR',
    4: 'DETRACTOR',
    5: 'DETRACTOR',
    6: 'DETRACTOR',
    7: 'PASSIVE',
    8: 'PASSIVE',
    9: 'PROMOTER',
    10: 'PROMOTER',
  };
  for (let s = 0; s <= 10; s++) {
    it(`score ${s} is ${expected[s]}`, () => {
      expect(categoryOf(s)).toBe(expected[s]);
      expect(isScore(s)).toBe(true);
    });
  }

  it.each([-1, 11, 7.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (bad) => {
    expect(() => categoryOf(bad)).toThrow(RangeError);
    expect(isScore(bad)).toBe(false);
  });

  it('refuses non-numbers at runtime', () => {
    expect(() => categoryOf('9' as unknown as number)).toThrow(RangeError);
  });
});

describe('nps', () => {
  it('is null without answers (no data, never 0)', () => {
    expect(nps(counts(0, 0, 0))).toBeNull();
  });
  it('is 0 when everyone is passive', () => {
    expect(nps(counts(0, 7, 0))).toBe(0);
  });
  it('is +100 for one promoter and -100 for one detractor', () => {
    expect(nps(counts(1, 0, 0))).toBe(100);
    expect(nps(counts(0, 0, 1))).toBe(-100);
  });
  it('is exact for a mixed sample: 3 promoters, 5 passives, 2 detractors = 10', () => {
    expect(nps(counts(3, 5, 2))).toBeCloseTo(10, 10);
  });
  it('keeps the exact (unrounded) value', () => {
    // 1 promoter of 3 answers: 33.33...
    expect(nps(counts(1, 2, 0))).toBeCloseTo(100 / 3, 10);
    expect(nps(countScores([10, 9, 8, 7, 6, 0]))).toBeCloseTo(0, 10);
    expect(nps(countScores([10, 9, 9, 6]))).toBeCloseTo(50, 10);
  });
});

describe('npsInterval (adjusted Wald, 95 %)', () => {
  it('is null for n = 0', () => {
    expect(npsInterval(counts(0, 0, 0))).toBeNull();
  });

  it('matches a hand computation for a single promoter', () => {
    const na = 1 + 3;
    const p = (1 + 0.75) / na;
    const d = 0.75 / na;
    const center = p - d;
    const se = Math.sqrt((p + d - center ** 2) / na);
    const low = (center - 1.96 * se) * 100;
    const high = Math.min(100, (center + 1.96 * se) * 100);
    const ci = npsInterval(counts(1, 0, 0))!;
    expect(ci.low).toBeCloseTo(low, 8);
    expect(ci.high).toBeCloseTo(high, 8);
    // Sanity: center 25, se = sqrt((0.625 - 0.0625) / 4) = 0.375 -> [-48.5, 98.5]
    expect(ci.low).toBeCloseTo(-48.5, 8);
    expect(ci.high).toBeCloseTo(98.5, 8);
  });

  it('is symmetric around 0 when everyone is passive', () => {
    const ci = npsInterval(counts(0, 10, 0))!;
    expect(ci.low).toBeLessThan(0);
    expect(ci.high).toBeGreaterThan(0);
    expect(ci.low).toBeCloseTo(-ci.high, 10);
  });

  it('is clamped to -100..100', () => {
    const all = npsInterval(counts(1000, 0, 0))!;
    expect(all.high).toBe(100);
    expect(all.low).toBeLessThan(100);
    const none = npsInterval(counts(0, 0, 1000))!;
    expect(none.low).toBe(-100);
    expect(none.high).toBeGreaterThan(-100);
    const wide = npsInterval(counts(1, 1, 1), 10)!;
    expect(wide).toEqual({ low: -100, high: 100 });
  });

  it.each([
    [3, 5, 2],
    [40, 45, 15],
    [12, 50, 38],
    [2, 1, 0],
    [200, 500, 300],
  ])('contains the NPS for %i/%i/%i', (p, pa, d) => {
    const c = counts(p, pa, d);
    const ci = npsInterval(c)!;
    const value = nps(c)!;
    expect(ci.low).toBeLessThanOrEqual(value);
    expect(ci.high).toBeGreaterThanOrEqual(value);
    expect(ci.low).toBeGreaterThanOrEqual(-100);
    expect(ci.high).toBeLessThanOrEqual(100);
  });

  it('narrows as the sample grows', () => {
    const small = npsInterval(counts(3, 5, 2))!;
    const large = npsInterval(counts(300, 500, 200))!;
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe('summarize', () => {
  it('gives n, nps, interval and shares', () => {
    const s = summarize(counts(3, 5, 2));
    expect(s.n).toBe(10);
    expect(s.nps).toBeCloseTo(10, 10);
    expect(s.share).toEqual({ promoters: 0.3, passives: 0.5, detractors: 0.2 });
    expect(s.low).toEqual(npsInterval(counts(3, 5, 2))!.low);
    expect(s.high).toEqual(npsInterval(counts(3, 5, 2))!.high);
    const shares = s.share!;
    expect(shares.promoters + shares.passives + shares.detractors).toBeCloseTo(1, 10);
  });
  it('has no NPS, interval or shares without answers', () => {
    expect(summarize(counts(0, 0, 0))).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
      n: 0,
      nps: null,
      low: null,
      high: null,
      share: null,
    });
  });
});

describe('formatNps', () => {
  it.each([
    [15, '+15'],
    [-7, '-7'],
    [0, '0'],
    [14.5, '+15'],
    [-0.4, '0'],
    [0.4, '0'],
    [100, '+100'],
    [-100, '-100'],
    [33.333, '+33'],
  ])('%s -> %s', (v, out) => {
    expect(formatNps(v)).toBe(out);
  });
  it('never prints "-0"', () => {
    expect(formatNps(-0)).toBe('0');
    expect(formatNps(-0.49)).toBe('0');
  });
  it('keeps null as null ("no data")', () => {
    expect(formatNps(null)).toBeNull();
  });
});

describe('compareNps: a two-sample test at 95 % (adjusted Wald)', () => {
  // Hand-computed: a = 60/20/20 (n 100): p~ = 60.75/103, d~ = 20.75/103, nps~ = 0.388350,
  // Var = (0.791262 - 0.388350^2) / 103 = 0.0062179; b = 40/20/40: nps~ = 0, Var = 0.791262 / 103
  // = 0.0076822; z = 0.388350 / sqrt(0.0139001) = 3.2939 > 1.96: significant.
  it('calls +40 against 0 with n = 100 each significant (z = 3.29)', () => {
    const c = compareNps(
      { promoters: 60, passives: 20, detractors: 20 },
      { promoters: 40, passives: 20, detractors: 40 },
    );
    expect(c.difference).toBeCloseTo(40, 10);
    expect(c.z).toBeCloseTo(3.29393, 4);
    expect(c.significant).toBe(true);
  });

  // a = 12/10/8 (n 30, +13.3), b = 10/10/10 (n 30, 0): z = 0.6135: within noise.
  it('calls +13 against 0 with n = 30 each noise (z = 0.61)', () => {
    const c = compareNps(
      { promoters: 12, passives: 10, detractors: 8 },
      { promoters: 10, passives: 10, detractors: 10 },
    );
    expect(c.z).toBeCloseTo(0.61346, 4);
    expect(c.significant).toBe(false);
  });

  // a = 5/3/2 (+30), b = 2/3/5 (-30): a 60-point difference, yet n = 10 each: z = 1.5184, noise.
  it('a large difference on ten answers each is still noise (z = 1.52)', () => {
    const c = compareNps(
      { promoters: 5, passives: 3, detractors: 2 },
      { promoters: 2, passives: 3, detractors: 5 },
    );
    expect(c.difference).toBeCloseTo(60, 10);
    expect(c.z).toBeCloseTo(1.51836, 4);
    expect(c.significant).toBe(false);
  });

  it('gives no verdict without answers on either side', () => {
    expect(
      compareNps({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 }),
    ).toEqual({
      difference: null,
      z: null,
      significant: false,
    });
  });
});
