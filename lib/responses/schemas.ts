import { z } from 'zod';

/** The public answer form. Comment is optional and bounded; score is an integer 0-10. */
export const ZSubmitAnswer = z.object({
  // A blank field must not coerce to 0 (Number('') === 0): that would record a detractor nobody gave.
  score: z
    .union([z.number(), z.string().trim().min(1)])
    .pipe(z.coerce.number<string | number>().int().min(0).max(10)),
  comment: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type TSubmitAnswer = z.input<typeof ZSubmitAnswer>;
