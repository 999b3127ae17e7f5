import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { authOptions, browserLocale } from '../auth/options';
import type { TLocale } from '../i18n';
import { getUser, resolveContext } from '../tenancy/service';
import type { MemberContext } from '../tenancy/context';

export const TENANT_COOKIE = 'kl_tenant';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  locale: TLocale | null;
}

/** The signed-in user; computed once per request (React's cache is scoped to one server render). */
export const sessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return getUser(id);
});

/** The user's chosen language, else the language cookie, else the browser's. */
export async function requestLocale(user?: SessionUser | null): Promise<TLocale> {
  return user?.locale ?? browserLocale();
}

/**
 * Session + membership of the active tenant (cookie), or null when signed out / without tenant.
 * The root layout, the app layout and the page guard all ask; one render computes it once.
 */
export const currentContext = cache(
  async (): Promise<{ user: SessionUser | null; ctx: MemberContext | null; locale: TLocale }> => {
    const user = await sessionUser();
    const locale = await requestLocale(user);
    if (!user) return { user, ctx: null, locale };
    const preferred = (await cookies()).get(TENANT_COOKIE)?.value;
    return { user, ctx: await resolveContext(user.id, preferred, locale), locale };
  },
);
