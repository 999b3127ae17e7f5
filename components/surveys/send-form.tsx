'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import type { SendSummary } from '@/lib/distribution/distribute';
import type { ActionResult } from '@/lib/http/action';
import type { TLocale } from '@/lib/i18n';

type State = ActionResult<SendSummary> | null;
type Audience = 'all' | 'companies' | 'businessUnits';

export interface SendLabels {
  audience: string;
  all: string;
  companies: string;
  businessUnits: string;
  companiesLegend: string;
  businessUnitsLegend: string;
  noCompanies: string;
  noBusinessUnits: string;
  submit: string;
  sending: string;
  resultTitle: string;
  queued: string;
  /** Already filled with the tenant's throttle period. */
  throttled: string;
  unsubscribed: string;
  bounced: string;
  nobody: string;
}

/**
 * Picks the audience and sends. The result is shown here because the summary (queued, skipped and
 * why) is the answer the CX manager needs right after clicking.
 */
export function SendForm({
  action,
  surveyId,
  disabled,
  locale,
  companies,
  businessUnits,
  labels,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  surveyId: string;
  disabled: boolean;
  locale: TLocale;
  companies: { id: string; name: string; hint: string }[];
  businessUnits: { id: string; name: string }[];
  labels: SendLabels;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [audience, setAudience] = useState<Audience>('all');
  const ref = useRef<HTMLFormElement>(null);
  // Like ActionForm: clear the picks only after a successful send, never after a refusal.
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const fields = state && !state.ok ? state.fields : undefined;
  const num = (n: number) => new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(n);

  const option = (value: Audience, label: string) => (
    <label className="flex min-h-10 cursor-pointer items-center gap-2 text-sm">
      <input
        type="radio"
        name="audience"
        value={value}
        checked={audience === value}
        onChange={() => setAudience(value)}
        className="size-4 accent-brand-700"
      />
      {label}
    </label>
  );

  return (
    <form
      ref={ref}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      aria-busy={pending}
      className="space-y-4"
    >
      {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
      {state?.ok && <SendResult summary={state.data} labels={labels} num={num} />}
      <input type="hidden" name="surveyId" value={surveyId} />
      <fieldset disabled={disabled || pending} className="space-y-4 disabled:opacity-60">
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-zinc-800">{labels.audience}</legend>
          {option('all', labels.all)}
          {option('companies', labels.companies)}
          {option('businessUnits', labels.businessUnits)}
        </fieldset>
        <Checklist
          hidden={audience !== 'companies'}
          legend={labels.companiesLegend}
          name="companyIds[]"
          empty={labels.noCompanies}
          items={companies}
          error={fields?.companyIds}
        />
        <Checklist
          hidden={audience !== 'businessUnits'}
          legend={labels.businessUnitsLegend}
          name="businessUnitIds[]"
          empty={labels.noBusinessUnits}
          items={businessUnits}
          error={fields?.businessUnitIds}
        />
        <Button type="submit" className="w-full sm:w-auto">
          {pending ? labels.sending : labels.submit}
        </Button>
      </fieldset>
    </form>
  );
}

function Checklist({
  hidden,
  legend,
  name,
  empty,
  items,
  error,
}: {
  hidden: boolean;
  legend: string;
  name: string;
  empty: string;
  items: { id: string; name: string; hint?: string }[];
  error?: string;
}) {
  // Hidden lists stay in the DOM (hidden inputs are ignored by the action for another audience type).
  return (
    <fieldset hidden={hidden} className="rounded-md border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-medium text-zinc-800">{legend}</legend>
      {items.length === 0 ? (
        <p className="text-sm text-zinc-500">{empty}</p>
      ) : (
        <ul className="max-h-64 space-y-1 overflow-y-auto">
          {items.map((it) => (
            <li key={it.id}>
              <label className="flex min-h-9 cursor-pointer items-center gap-2 text-sm">
                <input type="checkbox" name={name} value={it.id} className="size-4 accent-brand-700" />
                <span className="min-w-0 break-words">{it.name}</span>
                {it.hint && <span className="text-xs text-zinc-500">{it.hint}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function SendResult({
  summary,
  labels,
  num,
}: {
  summary: SendSummary;
  labels: SendLabels;
  num: (n: number) => string;
}) {
  if (summary.total === 0) return <Notice>{labels.nobody}</Notice>;
  const rows: [string, number][] = [
    [labels.queued, summary.queued],
    [labels.throttled, summary.skipped.THROTTLED],
    [labels.unsubscribed, summary.skipped.UNSUBSCRIBED],
    [labels.bounced, summary.skipped.BOUNCED],
  ];
  return (
    <Notice tone="success">
      <p className="mb-1 font-semibold">{labels.resultTitle}</p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5" data-testid="send-result">
        {rows.map(([label, n]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-right font-semibold tabular-nums">{num(n)}</dd>
          </div>
        ))}
      </dl>
    </Notice>
  );
}
