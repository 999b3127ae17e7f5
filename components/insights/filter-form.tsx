import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { DateField } from '@/components/ui/date-field';
import { Label, Select } from '@/components/ui/form';
import { cn } from '@/lib/cn';
import { DAY_PATTERN, fill, messages, type TLocale } from '@/lib/i18n';
import { activePick, type QuickPick } from './period';

export interface DashboardFilterValues {
  from: string;
  to: string;
  touchpointId: string;
  businessUnitId: string;
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
  invalid,
  locale,
}: {
  values: DashboardFilterValues;
  /** Fields whose typed day could not be read (shown as typed, with the format to use). */
  invalid: { from: boolean; to: boolean };
  picks: { key: QuickPick; from: string; to: string }[];
  touchpoints: { id: string; label: string }[];
  businessUnits: { id: string; name: string }[];
  locale: TLocale;
}) {
  const t = messages(locale).insights.filter;
  const active = activePick(picks, values.from, values.to);
  return (
    <div className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <form
        method="get"
        action="/dashboard"
        role="search"
        aria-label={t.label}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
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
        <div>
          <Label htmlFor="filter-touchpoint">{t.touchpoint}</Label>
          <Select id="filter-touchpoint" name="touchpointId" defaultValue={values.touchpointId}>
            <option value="">{t.allTouchpoints}</option>
            {touchpoints.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="filter-bu">{t.businessUnit}</Label>
          <Select id="filter-bu" name="businessUnitId" defaultValue={values.businessUnitId}>
            <option value="">{t.allBusinessUnits}</option>
            {businessUnits.map((bu) => (
              <option key={bu.id} value={bu.id}>
                {bu.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
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
