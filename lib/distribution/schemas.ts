import { z } from 'zod';

export const ZAudience = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('companies'), companyIds: z.array(z.uuid()).min(1) }),
  z.object({ type: z.literal('businessUnits'), businessUnitIds: z.array(z.uuid()).min(1) }),
  z.object({ type: z.literal('contacts'), contactIds: z.array(z.uuid()).min(1) }),
]);

export const ZSendSurvey = z.object({ surveyId: z.uuid(), audience: ZAudience });

export type TAudience = z.infer<typeof ZAudience>;
export type TSendSurvey = z.input<typeof ZSendSurvey>;
