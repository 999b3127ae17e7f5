import type { TSkipReason } from '@/lib/distribution/fatigue';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';

export type TAnySkipReason = TSkipReason | 'SURVEY_INACTIVE';

export interface RuleFigures {
  throttleDays: number;
  accountRuleMax: number;
  accountRuleDays: number;
}

/** Why a contact is skipped, in words, with the organisation's own figures filled in. */
export function skipReasonText(locale: TLocale, reason: TAnySkipReason, rules: RuleFigures): string {
  return fill(messages(locale).surveys.sendDetail.skipReason[reason], {
    days: formatNumber(rules.throttleDays, locale),
    max: formatNumber(rules.accountRuleMax, locale),
    accountDays: formatNumber(rules.accountRuleDays, locale),
  });
}
