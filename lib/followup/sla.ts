import { TZDate } from '@date-fns/tz';
import { addBusinessDays, endOfDay } from 'date-fns';
import type { TCategory } from '../nps';

export interface SlaDays {
  slaDetractorDays: number;
  slaPassiveDays: number;
  slaPromoterDays: number;
}

export function slaDaysFor(category: TCategory, t: SlaDays): number {
  return category === 'DETRACTOR'
    ? t.slaDetractorDays
    : category === 'PASSIVE'
      ? t.slaPassiveDays
      : t.slaPromoterDays;
}

/**
 * Due date: N business days (Mon-Fri) after the answer, at the end of that day in the tenant's time
 * zone. An answer on Saturday with a 2-day SLA is due Tuesday evening.
 */
export function dueDate(answeredAt: Date, businessDays: number, timeZone: string): Date {
  const local = new TZDate(answeredAt.getTime(), timeZone);
  const due = endOfDay(addBusinessDays(local, businessDays));
  return new Date(due.getTime());
}
