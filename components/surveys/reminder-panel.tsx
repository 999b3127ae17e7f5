import { FormField } from '@/components/contacts/form-field';
import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/form';
import type { ReminderCounts } from '@/lib/distribution/reminders';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';

/** The survey's reminder (off, or one after N days) and what the reminders did so far. */
export function ReminderPanel({
  locale,
  surveyId,
  enabled,
  days,
  counts,
  action,
}: {
  locale: TLocale;
  surveyId: string;
  enabled: boolean;
  days: number;
  counts: ReminderCounts;
  action: FormAction;
}) {
  const t = messages(locale).surveys.reminders;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Card aria-labelledby="reminder-title">
      <CardTitle>
        <span id="reminder-title">{t.title}</span>
      </CardTitle>
      <p className="mb-2 text-sm text-zinc-600">{t.intro}</p>
      <p className="mb-4 text-sm font-medium" data-testid="reminder-state">
        {enabled ? fill(t.on, { days: n(days) }) : t.off}
      </p>
      <ActionForm action={action} success={t.saved}>
        <input type="hidden" name="id" value={surveyId} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input
            type="checkbox"
            name="remindersEnabled"
            defaultChecked={enabled}
            className="size-4 accent-brand-700"
          />
          {t.enabled}
        </label>
        <div className="max-w-xs">
          <FormField id="reminder-days" name="reminderDays" label={t.days} hint={t.daysHint}>
            <Input
              id="reminder-days"
              name="reminderDays"
              type="number"
              required
              min={1}
              max={30}
              step={1}
              inputMode="numeric"
              defaultValue={days}
            />
          </FormField>
        </div>
        <Button type="submit">{t.submit}</Button>
      </ActionForm>
      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        {(
          [
            ['sent', counts.sent],
            ['answeredAfter', counts.answeredAfter],
            ['planned', counts.planned],
          ] as const
        ).map(([k, v]) => (
          <div key={k}>
            <dt className="text-zinc-600">{t[k]}</dt>
            <dd className="text-lg font-semibold tabular-nums">{n(v)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
