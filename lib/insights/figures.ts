/** An NPS figure as insights show it: the summary (n, interval) plus the minimum-n verdict. */
import { compareNps, summarize, type Counts, type NpsChange, type NpsSummary } from '../nps';

/** An NPS with n, interval and whether n reaches the organisation's minimum (else: "too few answers"). */
export type Figure = NpsSummary & { enough: boolean };

export const ZERO: Counts = { promoters: 0, passives: 0, detractors: 0 };

export const add = (a: Counts, b: Counts): Counts => ({
  promoters: a.promoters + b.promoters,
  passives: a.passives + b.passives,
  detractors: a.detractors + b.detractors,
});

export function figure(c: Counts, minN: number): Figure {
  const s = summarize({ promoters: c.promoters, passives: c.passives, detractors: c.detractors });
  return { ...s, enough: s.n >= minN };
}

export interface Change extends NpsChange {
  /** Both periods reach the minimum n; otherwise no verdict is given. */
  comparable: boolean;
}

/** Significant only when both sides have enough answers and the two-sample test says so. */
export function changeBetween(current: Figure, previous: Figure): Change {
  const comparable = current.enough && previous.enough;
  const c = compareNps(current, previous);
  return { ...c, comparable, significant: comparable && c.significant };
}
