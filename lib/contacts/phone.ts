import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * A number without a country code is read as Dutch (the product's home market: "020 123 4567");
 * any other country needs its code ("+32 2 123 45 67"). Stored as E.164, shown international.
 */
export const DEFAULT_PHONE_COUNTRY = 'NL';

/** E.164 for a valid number, else null. The full metadata ("max") checks number ranges, not just lengths. */
export function toE164(input: string): string | null {
  const p = parsePhoneNumberFromString(input, DEFAULT_PHONE_COUNTRY);
  return p && p.isValid() ? p.number : null;
}

/** "+31 20 123 4567" for an E.164 number; the value itself when it cannot be parsed. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** An optional phone number: blank is "not given", anything else must be a valid number. */
export const ZPhone = z
  .string()
  .trim()
  .max(40, '@badPhone')
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const e164 = toE164(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: '@badPhone' });
      return z.NEVER;
    }
    return e164;
  });
