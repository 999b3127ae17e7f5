import { z } from 'zod';

/** Longest reminder delay: an invitation's link lives 60 days, a reminder after that would be dead. */
export const MAX_REMINDER_DAYS = 30;
export const DEFAULT_REMINDER_DAYS = 4;

/** A survey's reminder setting: off, or one reminder after `reminderDays` days (1-30). */
export const ZReminderSettings = z.object({
  remindersEnabled: z.boolean(),
  reminderDays: z.coerce
    .number({ error: '@reminderDays' })
    .int({ error: '@reminderDays' })
    .min(1, { error: '@reminderDays' })
    .max(MAX_REMINDER_DAYS, { error: '@reminderDays' }),
});
export type TReminderSettings = z.input<typeof ZReminderSettings>;

/** When an invitation sent at `sentAt` is due its reminder under the survey's setting; null when off. */
export function reminderDueAt(
  sentAt: Date,
  survey: { remindersEnabled: boolean; reminderDays: number },
): Date | null {
  return survey.remindersEnabled ? new Date(sentAt.getTime() + survey.reminderDays * 86_400_000) : null;
}
