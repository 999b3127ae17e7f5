import { createHash } from 'node:crypto';
import { db } from '../db';
import { env } from '../env';
import type { TLocale } from '../i18n';

/**
 * Sign-in links that survive mail scanners. Corporate filters (Safe Links, Mimecast, Proofpoint) open
 * every link in an email, so the emailed link leads to /signin/confirm, a page that only shows a
 * "Sign in" button; the button POSTs to next-auth's email callback, which spends the one-time token
 * (still stored hashed and deleted on use by next-auth). A GET of the page, or of the callback itself
 * (app/api/auth/[...nextauth]/route.ts sends those to the page), changes nothing.
 */
export const CONFIRM_PATH = '/signin/confirm';
export const EMAIL_CALLBACK_PATH = '/api/auth/callback/email';

export interface TSignInLink {
  token: string;
  email: string;
  callbackUrl: string;
}

/** The parts of a sign-in link from query parameters; null when the token or email is missing. */
export function parseSignInLink(q: URLSearchParams | Record<string, string | string[] | undefined>) {
  const get = (k: string) => {
    const v = q instanceof URLSearchParams ? q.get(k) : q[k];
    return typeof v === 'string' ? v : null;
  };
  const token = get('token');
  const email = get('email');
  if (!token || !email || token.length > 200 || email.length > 320) return null;
  return { token, email, callbackUrl: safeCallback(get('callbackUrl')) } satisfies TSignInLink;
}

/** Only our own paths (or our own origin) as the place to land after signing in. */
function safeCallback(v: string | null): string {
  if (!v) return '/';
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  try {
    const u = new URL(v);
    return u.origin === new URL(env().APP_URL).origin ? `${u.pathname}${u.search}` : '/';
  } catch {
    return '/';
  }
}

/** The emailed link: next-auth's callback URL turned into our confirmation page, in `locale`. */
export function confirmLink(nextAuthUrl: string, locale: TLocale): string {
  const link = parseSignInLink(new URL(nextAuthUrl).searchParams);
  if (!link) throw new Error('next-auth sign-in URL without token or email');
  const q = new URLSearchParams({ ...link, lang: locale });
  return `${env().APP_URL}${CONFIRM_PATH}?${q.toString()}`;
}

/** Where the confirmation page's button posts: next-auth's callback, which spends the token. */
export function callbackAction(link: TSignInLink): string {
  return `${EMAIL_CALLBACK_PATH}?${new URLSearchParams({ token: link.token, email: link.email }).toString()}`;
}

/** The same query on the confirmation page (for a GET of the callback: an old link, or a scanner). */
export function confirmPathFor(search: URLSearchParams): string {
  return `${CONFIRM_PATH}?${search.toString()}`;
}

/**
 * Whether the link can still sign in: its token exists and has not expired. A read, so the page can
 * say "this link does not work" before the button is pressed; it spends nothing.
 */
export async function signInLinkUsable(link: TSignInLink, now = new Date()): Promise<boolean> {
  // next-auth stores sha256(token + secret) (core/lib/utils.js hashToken).
  const hashed = createHash('sha256').update(`${link.token}${env().AUTH_SECRET}`).digest('hex');
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: link.email, token: hashed } },
    select: { expires: true },
  });
  return !!row && row.expires > now;
}

/** Rule 4 of lib/i18n/rule.ts: a first sign-in keeps the page's language as the person's own. */
export async function adoptLocaleAtSignIn(userId: string, locale: TLocale | null) {
  if (!locale) return;
  await db.user.updateMany({ where: { id: userId, locale: null }, data: { locale } });
}
