'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { toActionError, type ActionResult } from '@/lib/http/action';
import { currentContext, TENANT_COOKIE } from '@/lib/http/session';
import { createTenant } from '@/lib/tenancy/service';

/** Sign-up's second step: the signed-in user creates their organisation and becomes its owner. */
export async function createOrganisation(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  const { user, locale } = await currentContext();
  if (!user) redirect('/signin');
  let tenantId: string;
  try {
    const { tenant } = await createTenant(user.id, { name: String(form.get('name') ?? ''), locale });
    tenantId = tenant.id;
  } catch (err) {
    return toActionError(err, locale);
  }
  (await cookies()).set(TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: 'lax', path: '/' });
  redirect('/');
}
