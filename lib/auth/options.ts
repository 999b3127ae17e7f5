import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import { cookies, headers } from 'next/headers';
import { db } from '../db';
import { env } from '../env';
import { isLocale, localeFromAcceptLanguage, type TLocale } from '../i18n';
import { logger } from '../log';
import { magicLinkMail } from '../mail/templates';
import { sendMail } from '../mail/transport';

export const LOCALE_COOKIE = 'kl_locale';

/** Session cookie name: the __Secure- prefix applies when the app is served over https. */
export function sessionCookieName(): string {
  return env().APP_URL.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

/**
 * The language of a request without a user's own choice: the language cookie, else the browser's
 * Accept-Language. Request scope only (it reads cookies and headers).
 */
export async function browserLocale(): Promise<TLocale> {
  const c = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(c)) return c;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

/** The magic link's language: the user's choice, else the requesting browser's. */
async function magicLinkLocale(email: string): Promise<TLocale> {
  const user = await db.user.findUnique({ where: { email }, select: { locale: true } });
  if (user?.locale) return user.locale;
  try {
    return await browserLocale();
  } catch {
    return 'en';
  }
}

/**
 * next-auth with email magic links and database sessions. Cookies: HttpOnly and SameSite=Lax by
 * next-auth's defaults, Secure when APP_URL is https. Verification tokens are stored hashed and
 * deleted on first use, so a link works once.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  const secure = e.APP_URL.startsWith('https://');
  return {
    // The adapter only calls model delegates (user, account, session, verificationToken).
    adapter: PrismaAdapter(db as never),
    secret: e.AUTH_SECRET,
    session: { strategy: 'database', maxAge: 30 * 24 * 3600 },
    useSecureCookies: secure,
    pages: { signIn: '/signin', verifyRequest: '/signin/check', error: '/signin/error', newUser: '/' },
    providers: [
      EmailProvider({
        from: e.MAIL_FROM,
        maxAge: 24 * 3600,
        async sendVerificationRequest({ identifier, url }) {
          const locale = await magicLinkLocale(identifier);
          const mail = await magicLinkMail(locale, url);
          await sendMail({ to: identifier, ...mail });
          logger.info({ kind: 'auth' }, 'magic link sent');
        },
      }),
    ],
    callbacks: {
      session({ session, user }) {
        if (session.user) (session.user as { id?: string }).id = user.id;
        return session;
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => undefined,
    },
  };
}
