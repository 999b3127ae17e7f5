'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey, type TCreateApiKey } from '@/lib/auth/api-keys';
import { formObject, runAction } from '@/lib/http/action';

/** Creates a key; the answer carries its secret, shown once by the form and never again. */
export async function createKey(_prev: unknown, form: FormData) {
  const res = await runAction('apikey.manage', (ctx) => createApiKey(ctx, formObject(form) as TCreateApiKey));
  if (res.ok) revalidatePath('/settings/api');
  return res;
}

export async function revokeKey(_prev: unknown, form: FormData) {
  const res = await runAction('apikey.manage', async (ctx) => {
    await revokeApiKey(ctx, String(form.get('id') ?? ''));
    return null;
  });
  if (res.ok) revalidatePath('/settings/api');
  return res;
}
