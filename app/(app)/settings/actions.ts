'use server';

import { revalidatePath } from 'next/cache';
import { formObject, runAction } from '@/lib/http/action';
import { fill, messages } from '@/lib/i18n';
import type { TInviteMember, TTenantSettings } from '@/lib/tenancy/schemas';
import { inviteMember, updateTenantSettings } from '@/lib/tenancy/service';

export async function saveTenantSettings(_prev: unknown, form: FormData) {
  const res = await runAction('tenant.manage', async (ctx) => {
    await updateTenantSettings(ctx, formObject(form) as TTenantSettings);
    return null;
  });
  // The organisation's name also shows in the shell's switcher, so refresh the whole layout.
  if (res.ok) revalidatePath('/', 'layout');
  return res;
}

export async function inviteColleague(_prev: unknown, form: FormData) {
  const res = await runAction('member.manage', async (ctx) => {
    const input = formObject(form) as TInviteMember;
    // A colleague who is a member already comes back as a localized CONFLICT on the email field.
    await inviteMember(ctx, input);
    return {
      message: fill(messages(ctx.locale).auth.invited, {
        email: String(input.email ?? '')
          .trim()
          .toLowerCase(),
      }),
    };
  });
  if (res.ok) revalidatePath('/settings');
  return res;
}
