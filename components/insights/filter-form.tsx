import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Label, Select } from '@/components/ui/form';
import { cn } from '@/lib/cn';
import { DAY_PATTERN, fill, messages, type TLocale } from '@/lib/i18n';
import { activePick, type QuickPick } from '@/lib/insights/period';

export interface DashboardFilterValues {
  from: string;
  to: string;
  granularity: string;
  compare: string;
  touchpointId: string;
  phase: string;
  businessUnitId: string;
  region: string;
  ownerMembershipId: string;
}

function Choice(p: {
  id: string;
  name: keyof DashboardFilterValues;
  label: string;
  value: string;
  all?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <Label htmlFor={p.id}>{p.label}</Label>
      <Select id={p.id} name={p.name} defaultValue={p.value}>
        {p.all !== undefined && <option value="">{p.all}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

function DayFilter(p: {
  id: string;
  name: string;
  label: string;
  value: string;
  invalid: boolean;
  locale: TLocale;
}) {
  const t = messages(p.locale).insights.filter;
  const pattern = DAY_PATTERN[p.locale];
  return (
    <div>
      <Label htmlFor={p.id}>{p.label}</Label>
      <DateField id={p.id} name={p.name} value={p.value} locale={p.locale} invalid={p.invalid} />
      <p id={`${p.id}-format`} className={cn('mt-1 text-xs', p.invalid ? 'text-red-700' : 'text-zinc-600')}>
        {fill(p.invalid ? t.invalidDay : t.dayFormat, { pattern })}
      </p>
    </div>
  );
}

function fieldLabel(t: ReturnType<typeof messages>['insights']['filter']): Record<string, string> {
  return {
    from: t.from,
    to: t.to,
    granularity: t.granularity,
    compare: t.compare,
    touchpointId: t.touchpoint,
    phase: t.phase,
    businessUnitId: t.businessUnit,
    region: t.region,
    ownerMembershipId: t.accountManager,
  };
}

function href(v: DashboardFilterValues): string {
  const q = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) if (val) q.set(k, val);
  return `/dashboard?${q.toString()}`;
}

/** A GET form, so a filtered dashboard is a shareable URL and works without JavaScript. */
export function DashboardFilterForm({
  values,
  picks,
  touchpoints,
  businessUnits,
  phases,
  regions,
  managers,
  invalid,
  errors,
  locale,
}: {
  values: DashboardFilterValues;
  /** Fields whose typed day could not be read (shown as typed, with the format to use). */
  invalid: { from: boolean; to: boolean };
  picks: { key: QuickPick; from: string; to: string }[];
  touchpoints: { id: string; label: string }[];
  businessUnits: { id: string; name: string }[];
  phases: { value: string; label: string }[];
  regions: string[];
  managers: { id: string; name: string }[];
  /** Field errors of the service (a 400), shown above the form. */
  errors: Record<string, string> | null;
  locale: TLocale;
}) {
  const t = messages(locale).insights.filter;
  const active = activePick(picks, values.from, values.to);
  return (
    <div className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      {errors && (
        <p
          role="alert"
          data-testid="filter-errors"
          className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-800"
        >
          {fill(t.invalid, {
            errors: Object.entries(errors)
              .map(([k, v]) => `${fieldLabel(t)[k] ?? k}: ${v}`)
              .join('; '),
          })}
        </p>
      )}
      <form
        method="get"
        action="/dashboard"
        role="search"
        aria-label={t.label}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
      >
        {(['from', 'to'] as const).map((k) => (
          <DayFilter
            key={k}
            id={`filter-${k}`}
            name={k}
            label={t[k]}
            value={values[k]}
            invalid={invalid[k]}
            locale={locale}
          />
        ))}
        <Choice
          id="filter-granularity"
          name="granularity"
          label={t.granularity}
          value={values.granularity}
          options={(['week', 'month', 'quarter'] as const).map((g) => ({ value: g, label: t[g] }))}
        />
        <Choice
          id="filter-compare"
          name="compare"
          label={t.compare}
          value={values.compare}
          options={[
            { value: 'previous', label: t.comparePrevious },
            { value: 'lastYear', label: t.compareLastYear },
            { value: 'none', label: t.compareNone },
          ]}
        />
        <Choice
          id="filter-touchpoint"
          name="touchpointId"
          label={t.touchpoint}
          value={values.touchpointId}
          all={t.allTouchpoints}
          options={touchpoints.map((tp) => ({ value: tp.id, label: tp.label }))}
        />
        <Choice
          id="filter-phase"
          name="phase"
          label={t.phase}
          value={values.phase}
          all={t.allPhases}
          options={phases}
        />
        <Choice
          id="filter-bu"
          name="businessUnitId"
          label={t.businessUnit}
          value={values.businessUnitId}
          all={t.allBusinessUnits}
          options={businessUnits.map((bu) => ({ value: bu.id, label: bu.name }))}
        />
        <Choice
          id="filter-region"
          name="region"
          label={t.region}
          value={values.region}
          all={t.allRegions}
          options={regions.map((r) => ({ value: r, label: r }))}
        />
        <Choice
          id="filter-manager"
          name="ownerMembershipId"
          label={t.accountManager}
          value={values.ownerMembershipId}
          all={t.allAccountManagers}
          options={managers.map((m) => ({ value: m.id, label: m.name }))}
        />
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <Button type="submit">{t.apply}</Button>
          <Button asChild variant="ghost">
            <Link href="/dashboard">{t.reset}</Link>
          </Button>
        </div>
      </form>
      <nav aria-label={t.quickPicks} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-600">{t.quickPicks}:</span>
        {picks.map((p) => {
          const isActive = p.key === active;
          return (
            <Link
              key={p.key}
              href={href({ ...values, from: p.from, to: p.to })}
              aria-current={isActive ? 'true' : undefined}
              className={cn(
                'rounded-full border px-3 py-1',
                isActive
                  ? 'border-brand-700 bg-brand-50 font-medium text-brand-800'
                  : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100',
              )}
            >
              {t[p.key]}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
