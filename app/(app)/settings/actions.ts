'use server';

import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
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
    const t = messages(ctx.locale).auth;
    try {
      await inviteMember(ctx, input);
    } catch (err) {
      // The service's conflict message is English; say it in the user's language, on the field.
      if (err instanceof AppError && err.code === 'CONFLICT')
        throw new AppError('CONFLICT', t.alreadyMember, { fields: { email: t.alreadyMember } });
      throw err;
    }
    return {
      message: fill(t.invited, {
        email: String(input.email ?? '')
          .trim()
          .toLowerCase(),
      }),
    };
  });
  if (res.ok) revalidatePath('/settings');
  return res;
}
