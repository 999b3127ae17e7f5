import { en, type Messages } from './en';
import { nl } from './nl';

export const LOCALES = ['nl', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];
export type { Messages };

const DICTIONARIES: Record<TLocale, Messages> = { en, nl };

export function messages(locale: TLocale): Messages {
  return DICTIONARIES[locale];
}

export function isLocale(v: unknown): v is TLocale {
  return v === 'nl' || v === 'en';
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

/** Fills {name} placeholders. Unknown names stay visible so a missing value is noticed. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

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
