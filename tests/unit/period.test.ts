import { describe, expect, it } from 'vitest';
import { activePick, quickPicks } from '../../components/insights/period';

describe('dashboard quick picks', () => {
  it('in December "Last 12 months" and "This year" are one range, and only one is highlighted', () => {
    const picks = quickPicks('2026-12-15');
    const last12 = picks.find((p) => p.key === 'last12Months')!;
    const year = picks.find((p) => p.key === 'thisYear')!;
    expect([last12.from, last12.to]).toEqual([year.from, year.to]);
    expect(activePick(picks, '2026-01-01', '2026-12-15')).toBe('last12Months');
  });

  it.each([
    ['2026-06-10', '2026-04-01', 'last3Months'],
    ['2026-06-10', '2025-07-01', 'last12Months'],
    ['2026-06-10', '2026-01-01', 'thisYear'],
    ['2026-06-10', '2026-02-01', null],
  ])('on %s, from %s is %s', (today, from, key) => {
    expect(activePick(quickPicks(today), from, today)).toBe(key);
  });
});
