import { describe, expect, it } from 'vitest';
import {
  activePick,
  bucketLabel,
  buckets,
  comparisonRange,
  isoWeek,
  quickPicks,
} from '../../lib/insights/period';

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

describe('insights periods', () => {
  it('numbers ISO weeks with Monday first, the week of 4 January being week 1', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // a Friday: still 2026's last week
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 }); // a Monday: 2025's first week
    expect(bucketLabel('2026-03-30', 'week')).toBe('2026-W14');
  });

  it('cuts a period into weeks, months and quarters, clipped to the period', () => {
    expect(buckets('2026-01-01', '2026-01-14', 'week').map((b) => [b.label, b.from, b.to])).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04'],
      ['2026-W02', '2026-01-05', '2026-01-11'],
      ['2026-W03', '2026-01-12', '2026-01-14'],
    ]);
    expect(buckets('2026-01-15', '2026-03-02', 'month').map((b) => [b.label, b.from, b.to])).toEqual([
      ['2026-01', '2026-01-15', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-02'],
    ]);
    expect(buckets('2025-11-01', '2026-04-30', 'quarter').map((b) => [b.label, b.from, b.to])).toEqual([
      ['2025-Q4', '2025-11-01', '2025-12-31'],
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-04-30'],
    ]);
  });

  it('compares with the previous period of equal length or the same days a year earlier', () => {
    expect(comparisonRange({ from: '2026-03-01', to: '2026-03-31' }, 'previous')).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(comparisonRange({ from: '2024-02-01', to: '2024-02-29' }, 'lastYear')).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(comparisonRange({ from: '2026-03-01', to: '2026-03-31' }, 'none')).toBeNull();
  });
});
