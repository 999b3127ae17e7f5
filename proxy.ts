import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS } from './lib/i18n/locales';

/**
 * Links in our emails carry the email's language (`?lang=nl`, lib/i18n/rule.ts rule 5). The page they
 * open speaks it, and so do the next ones: the choice is kept in the language cookie, as if the person
 * had pressed the language switch. The request itself gets the cookie too, so the first render (root
 * layout included) already uses it. Only requests with `lang` reach this function.
 */
export function proxy(req: NextRequest) {
  const lang = req.nextUrl.searchParams.get('lang');
  if (!isLocale(lang) || req.cookies.get(LOCALE_COOKIE)?.value === lang) return NextResponse.next();
  req.cookies.set(LOCALE_COOKIE, lang);
  const res = NextResponse.next({ request: { headers: req.headers } });
  res.cookies.set(LOCALE_COOKIE, lang, LOCALE_COOKIE_OPTIONS);
  return res;
}

export const config = {
  // Pages only: not the API, not Next's assets, not the respondent's pages (they follow the invitation).
  matcher: [{ source: '/((?!api/|_next/|s/).*)', has: [{ type: 'query', key: 'lang' }] }],
};
