import { z } from 'zod';
import { LOCALES, type TLocale } from '../i18n';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZLocaleTexts = z.object({
  /** The recommendation question; {company} is replaced by the tenant's sender name. */
  question: text(300),
  followUp: z.object({ promoter: text(300), passive: text(300), detractor: text(300) }),
  thankYou: text(600),
});
export const ZSurveyTexts = z.object({ nl: ZLocaleTexts, en: ZLocaleTexts });
export type TLocaleTexts = z.infer<typeof ZLocaleTexts>;
export type TSurveyTexts = z.infer<typeof ZSurveyTexts>;

export const DEFAULT_TEXTS: TSurveyTexts = {
  en: {
    question: 'How likely is it that you would recommend {company} to a colleague or friend?',
    followUp: {
      promoter: 'What do you value most?',
      passive: 'What would it take for you to give us a 9 or 10?',
      detractor: 'What disappointed you?',
    },
    thankYou: 'Thank you for your answer. We read every reply and will get back to you.',
  },
  nl: {
    question: 'Hoe waarschijnlijk is het dat u {company} aanbeveelt bij een collega of relatie?',
    followUp: {
      promoter: 'Wat waardeert u het meest?',
      passive: 'Wat is er nodig om ons een 9 of 10 te geven?',
      detractor: 'Wat heeft u teleurgesteld?',
    },
    thankYou: 'Dank u wel voor uw antwoord. We lezen elke reactie en nemen contact met u op.',
  },
};

export const PHASES = [
  'SALES',
  'IMPLEMENTATION',
  'GO_LIVE',
  'ACCOUNT_MANAGEMENT',
  'SUPPORT',
  'CUSTOM',
] as const;

export const ZCreateTouchpoint = z
  .object({
    name: z.string().trim().min(2).max(80),
    phase: z.enum(PHASES),
    customPhase: z.string().trim().max(60).optional(),
    description: z.string().trim().max(500).optional(),
    kind: z.enum(['EVENT', 'RELATIONSHIP']).default('EVENT'),
    /** RELATIONSHIP: every contact once per this many months (0 or negative could never be met). */
    cadenceMonths: z
      .union([z.literal(''), z.coerce.number().int().min(1).max(36)])
      .optional()
      .transform((v) => (v === '' || v === undefined ? undefined : v)),
  })
  .refine((v) => v.phase !== 'CUSTOM' || !!v.customPhase, {
    path: ['customPhase'],
    message: '@customPhaseRequired',
  })
  .refine((v) => v.kind !== 'RELATIONSHIP' || v.cadenceMonths !== undefined, {
    path: ['cadenceMonths'],
    message: '@cadenceRequired',
  });

export const ZCreateSurvey = z.object({
  touchpointId: z.uuid(),
  name: z.string().trim().min(2).max(80),
  texts: ZSurveyTexts.optional(),
});

export const ZUpdateSurvey = z.object({
  name: z.string().trim().min(2).max(80),
  texts: ZSurveyTexts,
});

export const ZSurveyStatusChange = z.object({ status: z.enum(['ACTIVE', 'PAUSED', 'ARCHIVED']) });

export type TCreateTouchpoint = z.input<typeof ZCreateTouchpoint>;
export type TCreateSurvey = z.input<typeof ZCreateSurvey>;
export type TUpdateSurvey = z.input<typeof ZUpdateSurvey>;

/** The texts a respondent sees, in their language, with the company filled in. */
export function localizedTexts(texts: TSurveyTexts, locale: TLocale, company: string): TLocaleTexts {
  const t = texts[locale];
  return { ...t, question: t.question.replaceAll('{company}', company) };
}

export { LOCALES };
