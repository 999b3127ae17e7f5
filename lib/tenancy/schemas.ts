import { z } from 'zod';
import { ROLES } from '../auth/permissions';
import { LOCALES } from '../i18n';

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email());

export const ZCreateTenant = z.object({
  name: z.string().trim().min(2).max(80),
  locale: z.enum(LOCALES).default('nl'),
});

export const ZInviteMember = z.object({
  email: ZEmail,
  name: z.string().trim().max(120).optional(),
  role: z.enum(ROLES),
  /** The language the inviter chose for the colleague: their emails and first pages speak it. */
  locale: z.enum(LOCALES).optional(),
});

export const REPLY_TO_MODES = ['ACCOUNT_MANAGER', 'SHARED', 'NONE'] as const;

export const ZTenantSettings = z
  .object({
    name: z.string().trim().min(2).max(80),
    senderName: z.string().trim().min(2).max(80),
    defaultLocale: z.enum(LOCALES),
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, '@unknownTimeZone'),
    throttleDays: z.coerce.number().int().min(0).max(365),
    slaDetractorDays: z.coerce.number().int().min(1).max(60),
    slaPassiveDays: z.coerce.number().int().min(1).max(60),
    slaPromoterDays: z.coerce.number().int().min(1).max(60),
    /** Reply-To of survey invitations: see lib/distribution/reply-to.ts. */
    // Absent = unchanged (callers that predate the setting); an empty address clears it.
    replyToMode: z.enum(REPLY_TO_MODES).optional(),
    replyToAddress: z
      .union([ZEmail, z.literal('')])
      .optional()
      .transform((v) => (v === undefined ? undefined : v || null)),
  })
  .refine((s) => s.replyToMode !== 'SHARED' || s.replyToAddress, {
    path: ['replyToAddress'],
    message: '@sharedAddressRequired',
  });

export type TCreateTenant = z.input<typeof ZCreateTenant>;
export type TInviteMember = z.input<typeof ZInviteMember>;
export type TTenantSettings = z.input<typeof ZTenantSettings>;
