'use server';

import { revalidatePath } from 'next/cache';
import { pauseSend, resumeSend } from '@/lib/distribution/distribute';
import { runAction } from '@/lib/http/action';

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

async function change(form: FormData, fn: typeof pauseSend | typeof resumeSend) {
  const surveyId = str(form.get('surveyId'));
  const distributionId = str(form.get('distributionId'));
  await runAction('distribution.send', (ctx) => fn(ctx, surveyId, distributionId));
  revalidatePath(`/surveys/${surveyId}/sends/${distributionId}`);
}

export async function pauseSendAction(form: FormData) {
  await change(form, pauseSend);
}

export async function resumeSendAction(form: FormData) {
  await change(form, resumeSend);
}
