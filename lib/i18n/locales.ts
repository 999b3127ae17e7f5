// The languages, and the language cookie, without the dictionaries: the proxy (proxy.ts) and client
// components import this module.
export const LOCALES = ['nl', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];

export function isLocale(v: unknown): v is TLocale {
  return v === 'nl' || v === 'en';
}

export const LOCALE_COOKIE = 'kl_locale';
export const LOCALE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/',
  maxAge: 365 * 24 * 3600,
};
