import { getServerSession } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { authOptions, LOCALE_COOKIE } from '../auth/options';
import { isLocale, localeFromAcceptLanguage, type TLocale } from '../i18n';
import { getUser, resolveContext } from '../tenancy/service';
import type { TenantContext } from '../tenancy/context';

export const TENANT_COOKIE = 'kl_tenant';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  locale: TLocale | null;
}

export async function sessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getUser(id);
}

/** The user's chosen language, else the language cookie, else the browser's. */
export async function requestLocale(user?: SessionUser | null): Promise<TLocale> {
  if (user?.locale) return user.locale;
  const c = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(c)) return c;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

/** Session + membership of the active tenant (cookie), or null when signed out / without tenant. */
export async function currentContext(): Promise<{
  user: SessionUser | null;
  ctx: TenantContext | null;
  locale: TLocale;
}> {
  const user = await sessionUser();
  const locale = await requestLocale(user);
  if (!user) return { user, ctx: null, locale };
  const preferred = (await cookies()).get(TENANT_COOKIE)?.value;
  return { user, ctx: await resolveContext(user.id, preferred, locale), locale };
}
