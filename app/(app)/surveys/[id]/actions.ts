'use server';

import { revalidatePath } from 'next/cache';
import { sendSurvey } from '@/lib/distribution/distribute';
import { setSurveyReminders } from '@/lib/distribution/reminders';
import type { TAudience } from '@/lib/distribution/schemas';
import { AppError } from '@/lib/errors';
import { formObject, runAction } from '@/lib/http/action';
import { messages, type TLocale } from '@/lib/i18n';
import type { TLocaleTexts, TUpdateSurvey } from '@/lib/surveys/schemas';
import { setSurveyStatus, updateSurvey } from '@/lib/surveys/service';
import { rule } from '@/lib/validation';

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
 * The send form's audience. Only an explicit "all" means every contact: a missing or unknown value is
 * refused on the audience field instead of falling back to everyone. An empty pick gets a message in
 * the user's language on the list itself.
 */
function audienceOf(o: Record<string, unknown>, locale: TLocale): TAudience {
  const t = messages(locale).surveys.send;
  const type = str(o.audience);
  if (type === 'all') return { type };
  if (type === 'companies') {
    const companyIds = list(o.companyIds);
    if (!companyIds.length)
      throw new AppError('BAD_REQUEST', t.pickCompanies, { fields: { companyIds: t.pickCompanies } });
    return { type, companyIds };
  }
  if (type === 'businessUnits') {
    const businessUnitIds = list(o.businessUnitIds);
    if (!businessUnitIds.length)
      throw new AppError('BAD_REQUEST', t.pickBusinessUnits, {
        fields: { businessUnitIds: t.pickBusinessUnits },
      });
    return { type, businessUnitIds };
  }
  const pick = rule(locale, 'pickAudience');
  throw new AppError('BAD_REQUEST', pick, { fields: { audience: pick } });
}

export async function sendSurveyTo(_prev: unknown, form: FormData) {
  const o = formObject(form);
  const surveyId = str(o.surveyId);
  const res = await runAction('distribution.send', (ctx) =>
    sendSurvey(ctx, { surveyId, audience: audienceOf(o, ctx.locale) }),
  );
  if (res.ok) refresh(surveyId);
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
