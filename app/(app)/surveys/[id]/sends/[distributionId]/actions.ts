'use server';

import { revalidatePath } from 'next/cache';
import { pauseSend, resumeSend } from '@/lib/distribution/distribute';
import { runAction } from '@/lib/http/action';

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

async function change(form: FormData, fn: typeof pauseSend | typeof resumeSend) {
  const surveyId = str(form.get('surveyId'));
  const distributionId = str(form.get('distributionId'));
  const result = await runAction('distribution.send', (ctx) => fn(ctx, surveyId, distributionId));
  if (result.ok) revalidatePath(`/surveys/${surveyId}/sends/${distributionId}`);
  return result;
}

/** Returns the action's result (refused: 401/403 with the reason), like every other server action. */
export async function pauseSendAction(form: FormData) {
  return change(form, pauseSend);
}

export async function resumeSendAction(form: FormData) {
  return change(form, resumeSend);
}
