import { z } from 'zod';

/** The longest comment we keep, in characters (the textarea's maxlength says the same). */
export const COMMENT_MAX = 5000;

/**
 * The public answer form: score is an integer 0-10, the comment is bounded.
 *
 * The comment is tri-state and must stay so: absent -> undefined (keep the stored comment), present ->
 * the trimmed string, '' included (the form always posts the textarea, so an emptied textarea clears
 * the stored comment).
 */
export const ZSubmitAnswer = z.object({
  // A blank field must not coerce to 0 (Number('') === 0): that would record a detractor nobody gave.
  score: z
    .union([z.number(), z.string().trim().min(1)])
    .pipe(z.coerce.number<string | number>().int().min(0).max(10)),
  comment: z
    .string()
    // Browsers send a textarea's line breaks as CRLF while its maxlength counts them as one character:
    // normalise first, so a comment that fitted the textarea also fits the limit.
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim()
    .max(COMMENT_MAX)
    .optional(),
});
export type TSubmitAnswer = z.input<typeof ZSubmitAnswer>;
/** An answer after ZSubmitAnswer: what recordAnswer stores. */
export type TValidAnswer = z.output<typeof ZSubmitAnswer>;
export type TAnswerField = keyof TSubmitAnswer;
