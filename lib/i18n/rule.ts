import { isLocale, localeFromAcceptLanguage, type TLocale } from './index';

/**
 * The language rule, the one place it is decided (docs/ARCHITECTURE.md, "One language per person"):
 *
 * 1. A person's language is `User.locale`. Signed in, it wins everywhere: every page and every email
 *    to them.
 * 2. Signed out (or a person who never chose): the explicit choice on the page, the `kl_locale`
 *    cookie (set by the language switch, and by a link from one of our emails, `?lang=`), then the
 *    browser's Accept-Language, then English.
 * 3. Emails: to a person with a language, in theirs. A sign-in link, asked before signing in, in the
 *    language of the page it was asked from. An invitation in the language the inviter chose for the
 *    colleague, stored as the colleague's language when they have none yet.
 * 4. The first sign-in of a person without a language stores the sign-in page's language as theirs,
 *    so the app and later emails keep speaking it.
 * 5. Every link in an email to a person carries the email's language, so the page it opens speaks it.
 *
 * Dates and numbers follow the same language (formatDate, formatNumber, DateField).
 */
export function pickLocale(o: {
  user?: TLocale | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): TLocale {
  if (o.user) return o.user;
  if (isLocale(o.cookie)) return o.cookie;
  return localeFromAcceptLanguage(o.acceptLanguage);
}

/** The language of an email to a person: theirs, else the one chosen for them or the tenant's. */
export function mailLocale(person: TLocale | null | undefined, fallback: TLocale): TLocale {
  return person ?? fallback;
}

/** A link in an email, carrying the email's language for the page it opens (rule 5). */
export function withLang(url: string, locale: TLocale): string {
  const u = new URL(url);
  u.searchParams.set('lang', locale);
  return u.toString();
}
