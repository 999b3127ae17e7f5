/**
 * What a point of NPS is worth: the rule of thumb from the source articles (../shared/docs/domain.md),
 * made explicit and editable. Per +10 points of NPS: 10-15 % less churn (default 12.5 %), 3 % more
 * business from the existing customers, 10-15 % lower marketing cost (default 12.5 %); B2B customers
 * leave at about 27 % a year. The effect scales linearly with the points moved. Turning X detractors
 * into passives moves the NPS by X / customers x 100 points (each customer counted once).
 */
import { z } from 'zod';

export const ROI_DEFAULTS = {
  yearlyRevenue: 30_000_000,
  customers: 500,
  churnRate: 27,
  marketingCost: 3_000_000,
  points: 10,
  detractorsToPassives: 10,
  churnReductionPer10: 12.5,
  moreBusinessPer10: 3,
  marketingSavingPer10: 12.5,
} as const;

const money = z.coerce.number().min(0).max(1e13);
const pct = z.coerce.number().min(0).max(100);

export const ZRoiInput = z.object({
  yearlyRevenue: money.default(ROI_DEFAULTS.yearlyRevenue),
  customers: z.coerce.number().int().min(1).max(10_000_000).default(ROI_DEFAULTS.customers),
  churnRate: pct.default(ROI_DEFAULTS.churnRate),
  marketingCost: money.default(ROI_DEFAULTS.marketingCost),
  points: z.coerce.number().min(-200).max(200).default(ROI_DEFAULTS.points),
  detractorsToPassives: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .default(ROI_DEFAULTS.detractorsToPassives),
  churnReductionPer10: pct.default(ROI_DEFAULTS.churnReductionPer10),
  moreBusinessPer10: pct.default(ROI_DEFAULTS.moreBusinessPer10),
  marketingSavingPer10: pct.default(ROI_DEFAULTS.marketingSavingPer10),
});
export type TRoiInput = z.input<typeof ZRoiInput>;
export type TRoi = z.output<typeof ZRoiInput>;

export interface RoiEffect {
  points: number;
  /** Revenue kept because fewer customers leave: revenue x churn x (points / 10) x churn reduction. */
  retained: number;
  /** More business from the existing customers: revenue x (points / 10) x more business. */
  moreBusiness: number;
  /** Lower marketing cost: marketing cost x (points / 10) x saving. */
  marketing: number;
  total: number;
}

/** The yearly effect of moving the NPS by `points`. */
export function effectOfPoints(i: TRoi, points: number): RoiEffect {
  const k = points / 10;
  const retained = i.yearlyRevenue * (i.churnRate / 100) * k * (i.churnReductionPer10 / 100);
  const moreBusiness = i.yearlyRevenue * k * (i.moreBusinessPer10 / 100);
  const marketing = i.marketingCost * k * (i.marketingSavingPer10 / 100);
  return { points, retained, moreBusiness, marketing, total: retained + moreBusiness + marketing };
}

/** Points of NPS gained by turning X detractors into passives, among `customers` (each once). */
export const pointsFromDetractors = (x: number, customers: number) =>
  (Math.min(x, customers) / customers) * 100;

export function roi(i: TRoi) {
  return {
    input: i,
    byPoints: effectOfPoints(i, i.points),
    byDetractors: effectOfPoints(i, pointsFromDetractors(i.detractorsToPassives, i.customers)),
    /** Revenue lost to churn a year today. */
    churnedRevenue: i.yearlyRevenue * (i.churnRate / 100),
  };
}
