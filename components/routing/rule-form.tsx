import { ActionForm, FieldError, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/form';
import { messages, type TLocale } from '@/lib/i18n';

export interface RuleFormOptions {
  touchpoints: { id: string; name: string }[];
  businessUnits: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  members: { membershipId: string; name: string }[];
  teams: { id: string; name: string }[];
}

export interface RuleValues {
  id?: string;
  name?: string;
  touchpointId?: string | null;
  phase?: string | null;
  category?: string | null;
  scoreMin?: number | null;
  scoreMax?: number | null;
  businessUnitId?: string | null;
  companyId?: string | null;
  region?: string | null;
  target?: string;
  targetMembershipId?: string | null;
  targetTeamId?: string | null;
}

const PHASES = ['SALES', 'IMPLEMENTATION', 'GO_LIVE', 'ACCOUNT_MANAGEMENT', 'SUPPORT', 'CUSTOM'] as const;
const CATEGORIES = ['DETRACTOR', 'PASSIVE', 'PROMOTER'] as const;
const TARGETS = ['OWNER', 'MEMBER', 'TEAM'] as const;
const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** Add or change a rule: optional conditions (empty = any) and where the follow-up goes. */
export function RuleForm({
  action,
  options,
  values = {},
  locale,
  idPrefix,
}: {
  action: FormAction;
  options: RuleFormOptions;
  values?: RuleValues;
  locale: TLocale;
  idPrefix: string;
}) {
  const m = messages(locale);
  const t = m.routing.form;
  const id = (k: string) => `${idPrefix}-${k}`;
  const pick = (
    name: keyof RuleValues,
    label: string,
    items: { value: string; label: string }[],
    anyLabel: string = t.any,
  ) => (
    <div className="space-y-1">
      <Label htmlFor={id(name)}>{label}</Label>
      <Select id={id(name)} name={name} defaultValue={(values[name] as string | null | undefined) ?? ''}>
        <option value="">{anyLabel}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </Select>
      <FieldError name={name} />
    </div>
  );
  const scores = SCORES.map((s) => ({ value: String(s), label: String(s) }));
  return (
    <ActionForm action={action} success={values.id ? t.saved : t.added}>
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <div className="space-y-1">
        <Label htmlFor={id('name')}>{t.name}</Label>
        <Input id={id('name')} name="name" required maxLength={100} defaultValue={values.name ?? ''} />
        <FieldError name="name" />
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-zinc-800">{t.conditions}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {pick(
            'touchpointId',
            t.touchpoint,
            options.touchpoints.map((x) => ({ value: x.id, label: x.name })),
          )}
          {pick(
            'phase',
            t.phase,
            PHASES.map((p) => ({ value: p, label: m.common.phases[p] })),
          )}
          {pick(
            'category',
            t.category,
            CATEGORIES.map((c) => ({ value: c, label: m.common.categories[c] })),
          )}
          {pick('scoreMin', t.scoreMin, scores)}
          {pick('scoreMax', t.scoreMax, scores)}
          {pick(
            'businessUnitId',
            t.businessUnit,
            options.businessUnits.map((x) => ({ value: x.id, label: x.name })),
          )}
          {pick(
            'companyId',
            t.company,
            options.companies.map((x) => ({ value: x.id, label: x.name })),
          )}
          <div className="space-y-1">
            <Label htmlFor={id('region')}>{t.region}</Label>
            <Input id={id('region')} name="region" maxLength={100} defaultValue={values.region ?? ''} />
            <FieldError name="region" />
          </div>
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <Label htmlFor={id('target')}>{t.target}</Label>
          <Select id={id('target')} name="target" defaultValue={values.target ?? 'OWNER'}>
            {TARGETS.map((x) => (
              <option key={x} value={x}>
                {m.routing.targets[x]}
              </option>
            ))}
          </Select>
          <FieldError name="target" />
        </div>
        {pick(
          'targetMembershipId',
          t.member,
          options.members.map((x) => ({ value: x.membershipId, label: x.name })),
          t.none,
        )}
        {pick(
          'targetTeamId',
          t.team,
          options.teams.map((x) => ({ value: x.id, label: x.name })),
          t.none,
        )}
      </div>
      <Button type="submit">{values.id ? t.save : t.add}</Button>
    </ActionForm>
  );
}
