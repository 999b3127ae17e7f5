import type { NextAuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import { cookies, headers } from 'next/headers';
import { db } from '../db';
import { env } from '../env';
import type { TLocale } from '../i18n';
import { LOCALE_COOKIE } from '../i18n/locales';
import { pickLocale } from '../i18n/rule';
import { logger } from '../log';
import { magicLinkMail } from '../mail/templates';
import { sendMail } from '../mail/transport';
import { adoptLocaleAtSignIn, confirmLink } from './sign-in-link';

/** Session cookie name: the __Secure- prefix applies when the app is served over https. */
export function sessionCookieName(): string {
  return env().APP_URL.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

/**
 * The language of the page a request comes from, for a person not signed in (rule 2 in
 * lib/i18n/rule.ts): the language cookie, else the browser's. Request scope only.
 */
export async function browserLocale(): Promise<TLocale> {
  return pickLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get('accept-language'),
  });
}

/**
 * next-auth with email magic links and database sessions. Cookies: HttpOnly and SameSite=Lax by
 * next-auth's defaults, Secure when APP_URL is https. Verification tokens are stored hashed and
 * deleted on first use, so a link works once. The email carries a link to our confirmation page
 * (lib/auth/sign-in-link.ts), not to next-auth's callback: mail scanners open links, and only the
 * page's button spends the token.
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
          // Asked before signing in: the language of the page it was asked from (lib/i18n/rule.ts).
          const locale = await browserLocale().catch(() => 'en' as const);
          const mail = await magicLinkMail(locale, confirmLink(url, locale));
          await sendMail({ to: identifier, ...mail });
          logger.info({ kind: 'auth' }, 'magic link sent');
        },
      }),
    ],
    events: {
      async signIn({ user }) {
        await adoptLocaleAtSignIn(user.id, await browserLocale().catch(() => null));
      },
    },
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
