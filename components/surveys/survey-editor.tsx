'use client';

import { cloneElement, useState, type ReactElement } from 'react';
import { ActionForm, FieldError, useFieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Input, Label, Textarea } from '@/components/ui/form';
import type { TLocale } from '@/lib/i18n';
import type { TSurveyTexts } from '@/lib/surveys/schemas';
import type { FormAction } from './types';

export interface EditorLabels {
  name: string;
  question: string;
  /** Already filled with the sender name; still shows the literal {company}. */
  questionHint: string;
  followUpTitle: string;
  followUp: { promoter: string; passive: string; detractor: string };
  thankYou: string;
  submit: string;
  saved: string;
  languages: Record<TLocale, string>;
}

const LANGS: TLocale[] = ['nl', 'en'];
const CATS = ['promoter', 'passive', 'detractor'] as const;

/** Flat field names, the same paths the service reports errors on (texts.nl.question, ...). */
function flatten(name: string, texts: TSurveyTexts): Record<string, string> {
  const out: Record<string, string> = { name };
  for (const l of LANGS) {
    out[`texts.${l}.question`] = texts[l].question;
    for (const c of CATS) out[`texts.${l}.followUp.${c}`] = texts[l].followUp[c];
    out[`texts.${l}.thankYou`] = texts[l].thankYou;
  }
  return out;
}

/**
 * The survey's name and texts, Dutch and English side by side. Controlled fields, because React
 * resets a form after its action: a rejected save must keep what was typed.
 */
export function SurveyEditor({
  action,
  surveyId,
  name,
  texts,
  labels,
}: {
  action: FormAction;
  surveyId: string;
  name: string;
  texts: TSurveyTexts;
  labels: EditorLabels;
}) {
  const [values, setValues] = useState(() => flatten(name, texts));
  const field = (key: string) => ({
    id: `f-${key.replaceAll('.', '-')}`,
    name: key,
    value: values[key] ?? '',
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  return (
    <ActionForm action={action} success={labels.saved}>
      <input type="hidden" name="id" value={surveyId} />
      <TextField label={labels.name} fieldName="name">
        <Input {...field('name')} required minLength={2} maxLength={80} autoComplete="off" />
      </TextField>
      <div className="grid gap-6 md:grid-cols-2">
        {LANGS.map((l) => {
          const suffix = ` (${labels.languages[l]})`;
          return (
            <fieldset
              key={l}
              lang={l}
              className="min-w-0 space-y-4 rounded-md border border-zinc-200 p-3 sm:p-4"
            >
              <legend className="px-1 text-sm font-semibold text-zinc-900">{labels.languages[l]}</legend>
              <TextField
                label={labels.question}
                suffix={suffix}
                fieldName={`texts.${l}.question`}
                hint={labels.questionHint}
              >
                <Textarea
                  {...field(`texts.${l}.question`)}
                  required
                  maxLength={300}
                  rows={3}
                  className="min-h-0"
                />
              </TextField>
              <div className="space-y-3">
                <p className="text-sm font-medium text-zinc-800">{labels.followUpTitle}</p>
                {CATS.map((c) => (
                  <TextField
                    key={c}
                    label={labels.followUp[c]}
                    suffix={suffix}
                    fieldName={`texts.${l}.followUp.${c}`}
                    small
                  >
                    <Textarea
                      {...field(`texts.${l}.followUp.${c}`)}
                      required
                      maxLength={300}
                      rows={2}
                      className="min-h-0"
                    />
                  </TextField>
                ))}
              </div>
              <TextField label={labels.thankYou} suffix={suffix} fieldName={`texts.${l}.thankYou`}>
                <Textarea
                  {...field(`texts.${l}.thankYou`)}
                  required
                  maxLength={600}
                  rows={3}
                  className="min-h-0"
                />
              </TextField>
            </fieldset>
          );
        })}
      </div>
      <Button type="submit" className="w-full sm:w-auto">
        {labels.submit}
      </Button>
    </ActionForm>
  );
}

/**
 * A label, its control, a hint and the server's error. The language goes into the accessible name
 * only (the column heading shows it), so "Recommendation question (English)" is unambiguous.
 */
function TextField({
  label,
  suffix,
  fieldName,
  hint,
  small,
  children,
}: {
  label: string;
  suffix?: string;
  fieldName: string;
  hint?: string;
  small?: boolean;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const error = useFieldError(fieldName);
  const id = children.props.id;
  return (
    <div className="space-y-1">
      <Label htmlFor={id} className={small ? 'text-xs font-normal text-zinc-700' : undefined}>
        {label}
        {suffix && <span className="sr-only">{suffix}</span>}
      </Label>
      {cloneElement(children, {
        'aria-invalid': error ? true : undefined,
        'aria-describedby': hint ? `${id}-hint` : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      <FieldError name={fieldName} />
    </div>
  );
}
