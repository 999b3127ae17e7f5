import { ActionForm, FieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Field, Input, Select, Textarea } from '@/components/ui/form';
import { fill, messages, type TLocale } from '@/lib/i18n';
import { PHASES } from '@/lib/surveys/schemas';
import type { FormAction } from './types';

/** Adds a touchpoint: a moment in the customer journey, filed under its phase. */
export function TouchpointForm({ locale, action }: { locale: TLocale; action: FormAction }) {
  const m = messages(locale);
  const t = m.surveys.touchpointForm;
  return (
    <Card aria-labelledby="add-touchpoint-title">
      <CardTitle>
        <span id="add-touchpoint-title">{t.title}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.hint}</p>
      <ActionForm action={action} success={t.saved}>
        <Field id="touchpoint-name" label={t.name}>
          <Input id="touchpoint-name" name="name" required minLength={2} maxLength={80} autoComplete="off" />
          <FieldError name="name" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="touchpoint-phase" label={t.phase}>
            <Select id="touchpoint-phase" name="phase" defaultValue="SALES" required>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {m.common.phases[p]}
                </option>
              ))}
            </Select>
            <FieldError name="phase" />
          </Field>
          {/* Always visible, so the form works without JavaScript; the service ignores it for other phases. */}
          <Field id="touchpoint-custom-phase" label={t.customPhase} hint={t.customPhaseHint}>
            <Input id="touchpoint-custom-phase" name="customPhase" maxLength={60} autoComplete="off" />
            <FieldError name="customPhase" />
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="touchpoint-kind" label={t.kind}>
            <Select id="touchpoint-kind" name="kind" defaultValue="EVENT">
              <option value="EVENT">{t.kinds.EVENT}</option>
              <option value="RELATIONSHIP">{t.kinds.RELATIONSHIP}</option>
            </Select>
            <FieldError name="kind" />
          </Field>
          {/* Always visible (works without JavaScript); the service ignores it for event touchpoints. */}
          <Field id="touchpoint-cadence" label={t.cadence} hint={t.cadenceHint}>
            <Select id="touchpoint-cadence" name="cadenceMonths" defaultValue="12">
              {[3, 6, 12].map((n) => (
                <option key={n} value={n}>
                  {fill(t.everyMonths, { count: n })}
                </option>
              ))}
            </Select>
            <FieldError name="cadenceMonths" />
          </Field>
        </div>
        <Field id="touchpoint-description" label={t.description} hint={t.descriptionHint}>
          <Textarea id="touchpoint-description" name="description" maxLength={500} className="min-h-16" />
          <FieldError name="description" />
        </Field>
        <Button type="submit" className="w-full sm:w-auto">
          {t.submit}
        </Button>
      </ActionForm>
    </Card>
  );
}
