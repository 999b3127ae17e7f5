import { z } from 'zod';
import enLocale from 'zod/v4/locales/en.js';
import nlLocale from 'zod/v4/locales/nl.js';
import { AppError } from './errors';
import { fill, messages, type TLocale } from './i18n';

const ERROR_MAPS = { en: enLocale().localeError, nl: nlLocale().localeError };

export type FieldErrors = Record<string, string>;

type ValidationKey = keyof ReturnType<typeof messages>['validation'];

/** A message of our own rules in the user's language (schemas say `@key` in their refinements). */
export function rule(
  locale: TLocale,
  key: ValidationKey,
  vars: Record<string, string | number> = {},
): string {
  return fill(messages(locale).validation[key], vars);
}

function translate(message: string, locale: TLocale): string {
  if (!message.startsWith('@')) return message;
  const key = message.slice(1) as ValidationKey;
  return key in messages(locale).validation ? rule(locale, key) : message;
}

/** Flattens zod issues to {"field.path": "message"}; the first message per field wins. */
export function fieldErrors(error: z.ZodError, locale: TLocale = 'en'): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= translate(issue.message, locale);
  }
  return out;
}

/** safeParse with zod's messages in the user's language. */
export function safeParseLocalized<S extends z.ZodType>(schema: S, input: unknown, locale: TLocale) {
  return schema.safeParse(input, { error: ERROR_MAPS[locale] });
}

/**
 * Parses input at a service boundary. Messages come in the caller's language; a failure is a
 * 400 naming each bad field, never a 500.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: TLocale = 'en',
): z.output<S> {
  const result = safeParseLocalized(schema, input, locale);
  if (!result.success) {
    const fields = fieldErrors(result.error, locale);
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
