import type { TLocale } from '@/lib/i18n';
import { REPLY_TO_MODES } from '@/lib/tenancy/schemas';

/** The organisation settings both the form and the read-only view show. */
export interface TenantSettingsValues {
  name: string;
  senderName: string;
  defaultLocale: TLocale;
  timeZone: string;
  throttleDays: number;
  slaDetractorDays: number;
  slaPassiveDays: number;
  slaPromoterDays: number;
  replyToMode: (typeof REPLY_MODES)[number];
  replyToAddress: string | null;
}

/** Reply-To of survey invitations, in the order the settings offer them. */
export const REPLY_MODES = REPLY_TO_MODES;

/** Category -> settings field, in the order of urgency. */
export const SLA_FIELDS = [
  ['DETRACTOR', 'slaDetractorDays'],
  ['PASSIVE', 'slaPassiveDays'],
  ['PROMOTER', 'slaPromoterDays'],
] as const;

/** A few zones for the picker's suggestions; any IANA zone is accepted. */
export const COMMON_TIME_ZONES = [
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/London',
  'Europe/Dublin',
  'UTC',
  'America/New_York',
  'Asia/Singapore',
];
