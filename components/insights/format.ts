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

/** A calendar day "2026-01-31" for display, without shifting it through a time zone. */
export function dayLabel(day: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A yearly revenue in euros, without cents; null is the dash. */
export function moneyText(value: number | null, locale: TLocale): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(value);
}
