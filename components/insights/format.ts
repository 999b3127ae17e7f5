import { fill, messages, type TLocale } from '@/lib/i18n';
import { formatNps, type NpsSummary } from '@/lib/nps';

const INTL_LOCALE: Record<TLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "+15", or the "No data" text when there are no answers (never 0). */
export function npsText(s: Pick<NpsSummary, 'nps'>, locale: TLocale): string {
  return formatNps(s.nps) ?? messages(locale).common.states.noData;
}

/** "-3 to +28", or null without answers. */
export function rangeText(s: Pick<NpsSummary, 'low' | 'high'>, locale: TLocale): string | null {
  if (s.low === null || s.high === null) return null;
  return fill(messages(locale).insights.breakdown.range, {
    low: formatNps(s.low)!,
    high: formatNps(s.high)!,
  });
}

/** "95 % interval -3 to +28", or null without answers. */
export function intervalText(s: Pick<NpsSummary, 'low' | 'high'>, locale: TLocale): string | null {
  if (s.low === null || s.high === null) return null;
  return fill(messages(locale).insights.headline.interval, {
    low: formatNps(s.low)!,
    high: formatNps(s.high)!,
  });
}

export function formatPercent(share: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** "2026-01" as "jan 2026" / "Jan 2026". */
export function monthLabel(month: string, locale: TLocale): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

/** A calendar day "2026-01-31" for display, without shifting it through a time zone. */
export function dayLabel(day: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** Every month "YYYY-MM" from the month of `from` to the month of `to`, so empty months show as gaps. */
export function monthsBetween(from: string, to: string): string[] {
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  const out: string[] = [];
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
