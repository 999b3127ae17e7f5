import { en, type Messages } from './en';
import { nl } from './nl';

import { isLocale, type TLocale } from './locales';
export { LOCALES, isLocale, type TLocale } from './locales';
export type { Messages };

const DICTIONARIES: Record<TLocale, Messages> = { en, nl };

export function messages(locale: TLocale): Messages {
  return DICTIONARIES[locale];
}

/** Picks nl or en from an Accept-Language header, by the order of the listed languages and their q. */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
  fallback: TLocale = 'en',
): TLocale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? fallback;
}

// In its own module so client components can use it without the dictionaries.
export { fill } from './fill';

const DATE_LOCALE: Record<TLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatDate(
  d: Date,
  locale: TLocale,
  timeZone = 'Europe/Amsterdam',
  withTime = false,
): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(d);
}

export function formatNumber(n: number, locale: TLocale, digits = 0): string {
  return new Intl.NumberFormat(DATE_LOCALE[locale], {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

/**
 * Calendar days ("YYYY-MM-DD") as people type them: day first in both languages, nl with dashes
 * (15-03-2026), en with slashes (15/03/2026). A native date input would show the browser's format
 * (03/15/2026 in a US browser) whatever the page's language; DateField uses these instead.
 */
const DAY_SEPARATOR: Record<TLocale, string> = { nl: '-', en: '/' };
export const DAY_PATTERN: Record<TLocale, string> = { nl: 'dd-mm-jjjj', en: 'dd/mm/yyyy' };

export function formatDay(iso: string, locale: TLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const sep = DAY_SEPARATOR[locale];
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

/** A typed day in either language's format (or ISO) as "YYYY-MM-DD"; null when it is no real day. */
export function parseDay(text: string): string | null {
  const v = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !mo || !d) return null;
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === day ? day : null;
}
