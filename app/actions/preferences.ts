'use server';

import { cookies } from 'next/headers';
import { sameSitePath } from '@/lib/http/same-site-path';
import { redirect } from 'next/navigation';
import { isLocale } from '@/lib/i18n';
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS } from '@/lib/i18n/locales';
import { currentContext, TENANT_COOKIE } from '@/lib/http/session';
import { membershipsOfUser, setUserLocale } from '@/lib/tenancy/service';

const COOKIE = { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: 365 * 24 * 3600 };

/** Language choice: stored on the user when signed in, and in a cookie for the public pages. */
export async function chooseLocale(form: FormData) {
  const locale = form.get('locale');
  const back = String(form.get('back') ?? '/');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
  const { user } = await currentContext();
  if (user) await setUserLocale(user.id, locale);
  redirect(sameSitePath(back));
}

/** Tenant switch: only to a tenant the user is a member of. */
export async function switchTenant(form: FormData) {
  const tenantId = String(form.get('tenantId') ?? '');
  const { user } = await currentContext();
  if (!user) redirect('/signin');
  const memberships = await membershipsOfUser(user.id);
  if (memberships.some((m) => m.tenantId === tenantId))
    (await cookies()).set(TENANT_COOKIE, tenantId, COOKIE);
  redirect('/');
}
