'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

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
}

/**
 * Picks the audience and opens the skip preview (a GET to /surveys/<id>/send): nothing is sent from
 * here. No audience is chosen in advance, so "all contacts" is always a choice the CX manager made.
 */
export function SendForm({
  surveyId,
  disabled,
  companies,
  businessUnits,
  labels,
}: {
  surveyId: string;
  disabled: boolean;
  companies: { id: string; name: string; hint: string }[];
  businessUnits: { id: string; name: string }[];
  labels: SendLabels;
}) {
  const [audience, setAudience] = useState<Audience | null>(null);

  const option = (value: Audience, label: string) => (
    <label className="flex min-h-10 cursor-pointer items-center gap-2 text-sm">
      <input
        type="radio"
        name="audience"
        value={value}
        required
        checked={audience === value}
        onChange={() => setAudience(value)}
        className="size-4 accent-brand-700"
      />
      {label}
    </label>
  );

  return (
    <form method="get" action={`/surveys/${surveyId}/send`} className="space-y-4">
      <fieldset disabled={disabled} className="space-y-4 disabled:opacity-60">
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-zinc-800">{labels.audience}</legend>
          {option('all', labels.all)}
          {option('companies', labels.companies)}
          {option('businessUnits', labels.businessUnits)}
        </fieldset>
        <Checklist
          hidden={audience !== 'companies'}
          legend={labels.companiesLegend}
          name="companyIds"
          empty={labels.noCompanies}
          items={companies}
        />
        <Checklist
          hidden={audience !== 'businessUnits'}
          legend={labels.businessUnitsLegend}
          name="businessUnitIds"
          empty={labels.noBusinessUnits}
          items={businessUnits}
        />
        <Button type="submit" className="w-full sm:w-auto">
          {labels.submit}
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
}: {
  hidden: boolean;
  legend: string;
  name: string;
  empty: string;
  items: { id: string; name: string; hint?: string }[];
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
    </fieldset>
  );
}
