'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isPreviewChanged, sendSurvey } from '@/lib/distribution/distribute';
import { setSurveyReminders } from '@/lib/distribution/reminders';
import { AppError } from '@/lib/errors';
import { formObject, runAction } from '@/lib/http/action';
import type { TLocaleTexts, TUpdateSurvey } from '@/lib/surveys/schemas';
import { setSurveyStatus, updateSurvey } from '@/lib/surveys/service';
import { rule } from '@/lib/validation';
import { audienceFromParams, audienceQuery } from './send/audience';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function refresh(id: string) {
  revalidatePath('/surveys');
  revalidatePath(`/surveys/${id}`);
}

/** The editor posts flat names like "texts.nl.followUp.promoter", so errors come back on the same names. */
function surveyInput(o: Record<string, unknown>): TUpdateSurvey {
  const locale = (l: string): TLocaleTexts => ({
    question: str(o[`texts.${l}.question`]),
    followUp: {
      promoter: str(o[`texts.${l}.followUp.promoter`]),
      passive: str(o[`texts.${l}.followUp.passive`]),
      detractor: str(o[`texts.${l}.followUp.detractor`]),
    },
    thankYou: str(o[`texts.${l}.thankYou`]),
  });
  return { name: str(o.name), texts: { nl: locale('nl'), en: locale('en') } };
}

export async function saveSurvey(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const id = str(o.id);
  const res = await runAction('survey.manage', async (ctx) => {
    await updateSurvey(ctx, id, surveyInput(o));
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

export async function changeSurveyStatus(_prev: unknown, form: FormData) {
  const id = str(form.get('id'));
  const res = await runAction('survey.manage', async (ctx) => {
    await setSurveyStatus(ctx, id, { status: str(form.get('status')) });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}

/**
 * Confirms a send from its skip preview. The preview's audience and its number of invitations come
 * back as hidden fields; when the audience changed meanwhile the service refuses and the preview is
 * shown again with the new figures. A started send opens its progress page.
 */
export async function confirmSend(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const surveyId = str(o.surveyId);
  const audience = audienceFromParams({
    audience: str(o.audience),
    companyIds: list(o.companyIds),
    businessUnitIds: list(o.businessUnitIds),
  });
  const res = await runAction('distribution.send', async (ctx) => {
    if (!audience) {
      const pick = rule(ctx.locale, 'pickAudience');
      throw new AppError('BAD_REQUEST', pick, { fields: { audience: pick } });
    }
    try {
      return await sendSurvey(ctx, { surveyId, audience, expectInvite: str(o.expectInvite) });
    } catch (err) {
      if (err instanceof AppError && isPreviewChanged(err)) return null;
      throw err;
    }
  });
  if (res.ok && res.data) {
    refresh(surveyId);
    redirect(`/surveys/${surveyId}/sends/${res.data.distributionId}`);
  }
  if (res.ok && audience)
    redirect(`/surveys/${surveyId}/send?${audienceQuery(audience).toString()}&changed=1`);
  return res;
}

/** The reminder setting: the checkbox is on or absent; the days are parsed (and refused) by the service. */
export async function saveReminders(_prev: unknown, form: FormData) {
  const id = str(form.get('id'));
  const res = await runAction('survey.manage', async (ctx) => {
    await setSurveyReminders(ctx, id, {
      remindersEnabled: form.get('remindersEnabled') === 'on',
      reminderDays: str(form.get('reminderDays')),
    });
    return null;
  });
  if (res.ok) refresh(id);
  return res;
}
