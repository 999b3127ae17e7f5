/**
 * Period math for insights, in one place (the service, the rollups, the filter form's quick picks).
 * Days are plain "YYYY-MM-DD" strings in the tenant's time zone; a local day D covers
 * [D 00:00 local, D+1 00:00 local), which is 23 or 25 hours on a DST change. Only dayStartUtc turns a
 * local day into an instant.
 */
import { TZDate } from '@date-fns/tz';

export type Granularity = 'week' | 'month' | 'quarter';
export const GRANULARITIES: Granularity[] = ['week', 'month', 'quarter'];
export type Comparison = 'none' | 'previous' | 'lastYear';

/** The longest period shown; a longer one is refused (a 400 naming the field). */
export const MAX_PERIOD_DAYS = 5 * 366;
/** The rolling NPS window. */
export const ROLLING_DAYS = 90;

const DAY_MS = 86_400_000;
const asUtc = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today in the time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(day: string, n: number): string {
  return fromUtc(asUtc(day) + n * DAY_MS);
}

/** Days from a to b, both included (a <= b gives >= 1). */
export function daysBetween(a: string, b: string): number {
  return Math.round((asUtc(b) - asUtc(a)) / DAY_MS) + 1;
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function minusYear(day: string): string {
  const y = +day.slice(0, 4) - 1;
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The instant a local day starts. Components, not a string: TZDate parses strings in the process's zone. */
export function dayStartUtc(day: string, timeZone: string): Date {
  return new Date(new TZDate(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), timeZone).getTime());
}

/** The first day of the month `back` months before the month of `day`. */
export function monthStart(day: string, back: number): string {
  const idx = +day.slice(0, 4) * 12 + (+day.slice(5, 7) - 1) - back;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
}

export interface Period {
  from: string;
  to: string;
  fromUtc: Date;
  toUtc: Date;
}

/** [from 00:00, to + 1 day 00:00) in the time zone, as instants. */
export function periodOf(from: string, to: string, timeZone: string): Period {
  return { from, to, fromUtc: dayStartUtc(from, timeZone), toUtc: dayStartUtc(addDays(to, 1), timeZone) };
}

/** The default period: this month and the 11 before it, up to today (local). */
export function defaultRange(timeZone: string, now = new Date()): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  return { from: monthStart(today, 11), to: today };
}

/** The period in the tenant's time zone; missing ends take the default (last 12 months). */
export function resolvePeriod(f: { from?: string; to?: string }, timeZone: string, now = new Date()): Period {
  const d = defaultRange(timeZone, now);
  const from = f.from ?? d.from;
  const to = f.to ?? d.to;
  const [a, b] = from <= to ? [from, to] : [to, from];
  return periodOf(a, b, timeZone);
}

/** The period compared with: the same number of days just before, or the same days a year earlier. */
export function comparisonRange(
  p: { from: string; to: string },
  compare: Comparison,
): { from: string; to: string } | null {
  if (compare === 'none') return null;
  if (compare === 'lastYear') return { from: minusYear(p.from), to: minusYear(p.to) };
  const len = daysBetween(p.from, p.to);
  return { from: addDays(p.from, -len), to: addDays(p.from, -1) };
}

/** The first day of the bucket holding `day`: ISO week (Monday), month or quarter. */
export function bucketStart(day: string, g: Granularity): string {
  if (g === 'week') {
    const dow = (new Date(asUtc(day)).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
    return addDays(day, -dow);
  }
  const y = day.slice(0, 4);
  const m = +day.slice(5, 7);
  if (g === 'month') return `${y}-${day.slice(5, 7)}-01`;
  return `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}

/** The last day of the bucket starting at `start`. */
export function bucketEnd(start: string, g: Granularity): string {
  if (g === 'week') return addDays(start, 6);
  const months = g === 'month' ? 1 : 3;
  const idx = +start.slice(0, 4) * 12 + (+start.slice(5, 7) - 1) + months;
  return addDays(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`, -1);
}

/** ISO 8601 week-numbering year and week of a day ("2026-W01" may start in December 2025). */
export function isoWeek(day: string): { year: number; week: number } {
  const d = new Date(asUtc(day));
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}

/** A bucket's label, the same in every language: 2026-W05, 2026-01, 2026-Q1. */
export function bucketLabel(start: string, g: Granularity): string {
  if (g === 'week') {
    const { year, week } = isoWeek(start);
    return `${year}-W${String(week).padStart(2, '0')}`;
  }
  if (g === 'month') return start.slice(0, 7);
  return `${start.slice(0, 4)}-Q${Math.floor((+start.slice(5, 7) - 1) / 3) + 1}`;
}

/** The buckets covering [from, to], each clipped to the period. */
export function buckets(
  from: string,
  to: string,
  g: Granularity,
): { key: string; label: string; from: string; to: string }[] {
  const out: { key: string; label: string; from: string; to: string }[] = [];
  for (let s = bucketStart(from, g); s <= to; s = addDays(bucketEnd(s, g), 1)) {
    const e = bucketEnd(s, g);
    out.push({ key: s, label: bucketLabel(s, g), from: s < from ? from : s, to: e > to ? to : e });
  }
  return out;
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
