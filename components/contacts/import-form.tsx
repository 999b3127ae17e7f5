'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';
import {
  ImportReportView,
  MAX_IMPORT_BYTES,
  type ImportOutcome,
  type ImportReportTexts,
} from './import-report';

type State = ActionResult<ImportOutcome> | null;

export interface ImportFormTexts extends ImportReportTexts {
  formLabel: string;
  file: string;
  fileHint: string;
  submit: string;
  importing: string;
  modeLegend: string;
  modeAll: string;
  modeValid: string;
  tooLarge: string;
  uploadFailed: string;
}

/** Uploads one CSV file to an import action and shows its report below the form. */
export function ImportForm({
  id,
  action,
  texts,
}: {
  id: string;
  action: (prev: State, form: FormData) => Promise<State>;
  texts: ImportFormTexts;
}) {
  const [state, formAction, pending] = useActionState(async (prev: State, form: FormData): Promise<State> => {
    const file = form.get('file');
    // Checked here too so a big file is refused at once instead of after a long upload.
    if (file instanceof File && file.size > MAX_IMPORT_BYTES)
      return { ok: false, error: texts.tooLarge, fields: { file: texts.tooLarge }, status: 413 };
    try {
      return await action(prev, form);
    } catch {
      // The framework refuses bodies over its own limit before the action runs.
      return { ok: false, error: texts.uploadFailed, status: 413 };
    }
  }, null);
  const fieldError = state && !state.ok ? state.fields?.file : undefined;
  const inputId = `${id}-file`;
  return (
    <div className="space-y-4">
      <form action={formAction} aria-label={texts.formLabel} aria-busy={pending} className="space-y-3">
        {state && !state.ok && !fieldError && <Notice tone="error">{state.error}</Notice>}
        <Field id={inputId} label={texts.file} hint={texts.fileHint} error={fieldError}>
          <Input
            id={inputId}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            disabled={pending}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${inputId}-error` : undefined}
            className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm"
          />
        </Field>
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium text-zinc-800">{texts.modeLegend}</legend>
          {(
            [
              ['all', texts.modeAll],
              ['valid', texts.modeValid],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex min-h-8 items-center gap-2 text-sm text-zinc-800">
              <input
                type="radio"
                name="mode"
                value={value}
                defaultChecked={value === 'all'}
                disabled={pending}
                className="size-4 accent-brand-700"
              />
              {label}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? texts.importing : texts.submit}
        </Button>
      </form>
      {state?.ok && (
        <div aria-live="polite">
          <ImportReportView outcome={state.data} texts={texts} />
        </div>
      )}
    </div>
  );
}
