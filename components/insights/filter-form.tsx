import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/form';
import { cn } from '@/lib/cn';
import { messages, type TLocale } from '@/lib/i18n';
import type { QuickPick } from './period';

export interface DashboardFilterValues {
  from: string;
  to: string;
  touchpointId: string;
  businessUnitId: string;
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
  locale,
}: {
  values: DashboardFilterValues;
  picks: { key: QuickPick; from: string; to: string }[];
  touchpoints: { id: string; label: string }[];
  businessUnits: { id: string; name: string }[];
  locale: TLocale;
}) {
  const t = messages(locale).insights.filter;
  return (
    <div className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <form
        method="get"
        action="/dashboard"
        role="search"
        aria-label={t.label}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
      >
        <div>
          <Label htmlFor="filter-from">{t.from}</Label>
          <Input id="filter-from" name="from" type="date" defaultValue={values.from} />
        </div>
        <div>
          <Label htmlFor="filter-to">{t.to}</Label>
          <Input id="filter-to" name="to" type="date" defaultValue={values.to} />
        </div>
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
          const active = p.from === values.from && p.to === values.to;
          return (
            <Link
              key={p.key}
              href={href({ ...values, from: p.from, to: p.to })}
              aria-current={active ? 'true' : undefined}
              className={cn(
                'rounded-full border px-3 py-1',
                active
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
