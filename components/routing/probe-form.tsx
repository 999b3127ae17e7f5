'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import { Input, Label, Select } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';
import { fill } from '@/lib/i18n/fill';

type Result = { assignee: string | null; rule: string | null; via: string; fallback: string | null };
type ProbeAction = (prev: ActionResult<Result> | null, form: FormData) => Promise<ActionResult<Result>>;

export interface ProbeTexts {
  touchpoint: string;
  company: string;
  noCompany: string;
  score: string;
  submit: string;
  result: string;
  nobody: string;
  byRule: string;
  byDefault: string;
  byTeam: string;
  fallbackMemberGone: string;
  fallbackTeamEmpty: string;
}

/** "Test the rules": a made-up answer in, who would get its follow-up out. */
export function ProbeForm({
  action,
  touchpoints,
  companies,
  texts,
}: {
  action: ProbeAction;
  touchpoints: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  texts: ProbeTexts;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const r = state?.ok ? state.data : null;
  const why = !r
    ? ''
    : r.fallback === 'memberGone'
      ? fill(texts.fallbackMemberGone, { rule: r.rule ?? '' })
      : r.fallback === 'teamEmpty'
        ? fill(texts.fallbackTeamEmpty, { rule: r.rule ?? '' })
        : !r.rule
          ? texts.byDefault
          : r.via === 'TEAM'
            ? fill(texts.byTeam, { rule: r.rule })
            : fill(texts.byRule, { rule: r.rule });
  return (
    <form action={formAction} aria-busy={pending} className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <Label htmlFor="probe-touchpoint">{texts.touchpoint}</Label>
          <Select id="probe-touchpoint" name="touchpointId" required>
            {touchpoints.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="probe-company">{texts.company}</Label>
          <Select id="probe-company" name="companyId" defaultValue="">
            <option value="">{texts.noCompany}</option>
            {companies.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="probe-score">{texts.score}</Label>
          <Input id="probe-score" name="score" type="number" min={0} max={10} required defaultValue={3} />
        </div>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {texts.submit}
      </Button>
      <div aria-live="polite">
        {state && !state.ok && <Notice tone="error">{state.error}</Notice>}
        {r && (
          <p className="text-sm" data-testid="probe-result">
            <span className="font-medium">
              {r.assignee ? fill(texts.result, { name: r.assignee }) : texts.nobody}
            </span>{' '}
            <span className="text-zinc-600">({why})</span>
          </p>
        )}
      </div>
    </form>
  );
}
