import { describe, expect, it } from 'vitest';
import { effectOfPoints, pointsFromDetractors, roi, ZRoiInput } from '../../lib/insights/roi';

describe('ROI of NPS (the articles’ rule of thumb, every assumption an input)', () => {
  const defaults = ZRoiInput.parse({});

  it('gives 2-3 million euros a year for +10 points at 30 million euros revenue', () => {
    const e = effectOfPoints(defaults, 10);
    // 30M x 27 % x 1 x 12.5 % = 1,012,500; 30M x 1 x 3 % = 900,000; 3M x 1 x 12.5 % = 375,000.
    expect(e.retained).toBeCloseTo(1_012_500, 6);
    expect(e.moreBusiness).toBeCloseTo(900_000, 6);
    expect(e.marketing).toBeCloseTo(375_000, 6);
    expect(e.total).toBeCloseTo(2_287_500, 6);
  });

  it('scales with the points, and turning detractors into passives is X / customers x 100 points', () => {
    expect(pointsFromDetractors(10, 500)).toBe(2);
    expect(pointsFromDetractors(900, 500)).toBe(100);
    const r = roi({ ...defaults, detractorsToPassives: 10, customers: 500 });
    expect(r.byDetractors.points).toBe(2);
    expect(r.byDetractors.total).toBeCloseTo(457_500, 6);
    expect(effectOfPoints(defaults, -10).total).toBeCloseTo(-2_287_500, 6);
    expect(r.churnedRevenue).toBeCloseTo(8_100_000, 6);
  });

  it('takes edited assumptions and refuses impossible ones', () => {
    const e = effectOfPoints(
      ZRoiInput.parse({ yearlyRevenue: '1000000', churnRate: '5', marketingCost: 0 }),
      20,
    );
    // 1M x 5 % x 2 x 12.5 % = 12,500; 1M x 2 x 3 % = 60,000.
    expect(e.total).toBeCloseTo(72_500, 6);
    expect(ZRoiInput.safeParse({ churnRate: 140 }).success).toBe(false);
    expect(ZRoiInput.safeParse({ customers: 0 }).success).toBe(false);
  });
});
