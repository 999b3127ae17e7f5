'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formObject, runAction } from '@/lib/http/action';
import type { TCreateTouchpoint } from '@/lib/surveys/schemas';
import { createSurvey, createTouchpoint } from '@/lib/surveys/service';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const optional = (v: unknown) => (str(v).trim() === '' ? undefined : str(v));

export async function addTouchpoint(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const input = {
    name: str(o.name),
    phase: str(o.phase),
    customPhase: optional(o.customPhase),
    description: optional(o.description),
    kind: str(o.kind) || undefined,
    cadenceMonths: optional(o.cadenceMonths),
  } as TCreateTouchpoint;
  const res = await runAction('survey.manage', async (ctx) => {
    await createTouchpoint(ctx, input);
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
