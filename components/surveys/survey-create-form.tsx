import { ActionForm, FieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, Notice } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/form';
import { messages, type TLocale } from '@/lib/i18n';
import type { FormAction } from './types';

/** Adds a survey to a touchpoint; on success the action opens the new survey's editor. */
export function SurveyCreateForm({
  locale,
  action,
  touchpoints,
  selected,
}: {
  locale: TLocale;
  action: FormAction;
  touchpoints: { id: string; label: string }[];
  /** Preselected touchpoint (from a touchpoint's "Add survey" link). */
  selected?: string;
}) {
  const t = messages(locale).surveys.surveyForm;
  return (
    <Card id="add-survey" aria-labelledby="add-survey-title" className="scroll-mt-4">
      <CardTitle>
        <span id="add-survey-title">{t.title}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.hint}</p>
      {touchpoints.length === 0 ? (
        <Notice>{t.needTouchpoint}</Notice>
      ) : (
        <ActionForm action={action}>
          <Field id="survey-touchpoint" label={t.touchpoint}>
            {/* Keyed by the preselection: a client navigation from another "Add survey" link must re-apply it. */}
            <Select
              key={selected ?? 'none'}
              id="survey-touchpoint"
              name="touchpointId"
              defaultValue={selected ?? ''}
              required
            >
              <option value="">{t.chooseTouchpoint}</option>
              {touchpoints.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.label}
                </option>
              ))}
            </Select>
            <FieldError name="touchpointId" />
          </Field>
          <Field id="survey-name" label={t.name}>
            <Input id="survey-name" name="name" required minLength={2} maxLength={80} autoComplete="off" />
            <FieldError name="name" />
          </Field>
          <Button type="submit" className="w-full sm:w-auto">
            {t.submit}
          </Button>
        </ActionForm>
      )}
    </Card>
  );
}
