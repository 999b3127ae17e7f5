import { z } from 'zod';
import { SKIP_REASONS } from './fatigue';

export const ZAudience = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }),
  z.object({ type: z.literal('companies'), companyIds: z.array(z.uuid()).min(1) }),
  z.object({ type: z.literal('businessUnits'), businessUnitIds: z.array(z.uuid()).min(1) }),
  z.object({ type: z.literal('contacts'), contactIds: z.array(z.uuid()).min(1) }),
]);

/** A send to preview: which survey, which audience. */
export const ZPreviewSend = z.object({ surveyId: z.uuid(), audience: ZAudience });

/**
 * A confirmed send: what the CX manager saw in the preview comes back with the confirmation, so a
 * send never goes out with other numbers than the ones confirmed (the audience changed meanwhile:
 * the send is refused and the preview shown again).
 */
export const ZSendSurvey = ZPreviewSend.extend({ expectInvite: z.coerce.number().int().min(0) });

/** One page of the skipped contacts of a preview, for one reason. */
export const ZSkippedPage = ZPreviewSend.extend({
  reason: z.enum(SKIP_REASONS),
  after: z.uuid().optional(),
});

export type TAudience = z.infer<typeof ZAudience>;
export type TPreviewSend = z.input<typeof ZPreviewSend>;
export type TSendSurvey = z.input<typeof ZSendSurvey>;
export type TSkippedPage = z.input<typeof ZSkippedPage>;
