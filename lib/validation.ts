import { z } from 'zod';
import enLocale from 'zod/v4/locales/en.js';
import nlLocale from 'zod/v4/locales/nl.js';
import { AppError } from './errors';
import type { TLocale } from './i18n';

const ERROR_MAPS = { en: enLocale().localeError, nl: nlLocale().localeError };

export type FieldErrors = Record<string, string>;

/** Flattens zod issues to {"field.path": "message"}; the first message per field wins. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Parses input at a service boundary. Messages come in the caller's language; a failure is a
 * 400 naming each bad field, never a 500.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: TLocale = 'en'): z.output<S> {
  const result = schema.safeParse(input, { error: ERROR_MAPS[locale] });
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw new AppError(
      'BAD_REQUEST',
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; '),
      { fields },
    );
  }
  return result.data;
}

export const ZId = z.uuid();
