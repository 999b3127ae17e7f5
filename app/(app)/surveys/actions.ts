'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { formObject, runAction } from '@/lib/http/action';
import { messages } from '@/lib/i18n';
import type { TCreateTouchpoint } from '@/lib/surveys/schemas';
import { createSurvey, createTouchpoint, listTouchpoints } from '@/lib/surveys/service';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const optional = (v: unknown) => (str(v).trim() === '' ? undefined : str(v));

export async function addTouchpoint(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const input = {
    name: str(o.name),
    phase: str(o.phase),
    customPhase: optional(o.customPhase),
    description: optional(o.description),
  } as TCreateTouchpoint;
  const res = await runAction('survey.manage', async (ctx) => {
    const t = messages(ctx.locale).surveys.touchpointForm;
    // The name is unique per tenant; say so on the field instead of a generic database error.
    const existing = await listTouchpoints(ctx);
    if (existing.some((tp) => tp.name === input.name.trim())) {
      throw new AppError('CONFLICT', t.duplicate, { fields: { name: t.duplicate } });
    }
    try {
      await createTouchpoint(ctx, input);
    } catch (err) {
      // The schema's custom-phase rule carries an English message; show it in the user's language.
      const fields = err instanceof AppError ? (err.details as { fields?: Record<string, string> } | undefined)?.fields : undefined;
      if (fields?.customPhase) throw new AppError('BAD_REQUEST', t.customPhaseRequired, { fields: { ...fields, customPhase: t.customPhaseRequired } });
      throw err;
    }
    return null;
  });
  if (res.ok) revalidatePath('/surveys');
  return res;
}

export async function addSurvey(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const res = await runAction('survey.manage', async (ctx) => {
    const s = await createSurvey(ctx, { touchpointId: str(o.touchpointId), name: str(o.name) });
    return { id: s.id };
  });
  if (!res.ok) return res;
  revalidatePath('/surveys');
  // Straight to the editor: the next step is checking the texts and activating.
  redirect(`/surveys/${res.data.id}`);
}
