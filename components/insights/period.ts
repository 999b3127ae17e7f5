/** Calendar-day arithmetic for the quick picks, in the tenant's time zone (plain "YYYY-MM-DD" strings). */

export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The first day of the month `back` months before the month of `day`. */
export function monthStart(day: string, back: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - back;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
}

export type QuickPick = 'last3Months' | 'last12Months' | 'thisYear';

/** The same ranges as the service's default (12 months = this month and the 11 before it). */
export function quickPicks(today: string): { key: QuickPick; from: string; to: string }[] {
  return [
    { key: 'last3Months', from: monthStart(today, 2), to: today },
    { key: 'last12Months', from: monthStart(today, 11), to: today },
    { key: 'thisYear', from: `${today.slice(0, 4)}-01-01`, to: today },
  ];
}

/**
 * The quick pick the period matches, at most one: in December "Last 12 months" and "This year" are the
 * same range, and two highlighted choices would say two different things were chosen.
 */
export function activePick(
  picks: { key: QuickPick; from: string; to: string }[],
  from: string,
  to: string,
): QuickPick | null {
  return picks.find((p) => p.from === from && p.to === to)?.key ?? null;
}
