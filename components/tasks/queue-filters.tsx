import Link from 'next/link';
import { cn } from '@/lib/cn';
import { messages, type TLocale } from '@/lib/i18n';
import { CATEGORIES, type TCategory } from '@/lib/nps';

export interface QueueFilter {
  scope: 'mine' | 'all';
  category: TCategory | undefined;
  status: 'open' | 'done' | 'any';
}

function href(f: QueueFilter): string {
  const q = new URLSearchParams({ scope: f.scope, status: f.status });
  if (f.category) q.set('category', f.category);
  return `/tasks?${q.toString()}`;
}

function Group({
  label,
  options,
}: {
  label: string;
  options: { key: string; text: string; href: string; active: boolean }[];
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-full text-xs font-semibold uppercase text-zinc-500 sm:w-auto">{label}</span>
      {options.map((o) => (
        <Link
          key={o.key}
          href={o.href}
          aria-current={o.active ? 'page' : undefined}
          className={cn(
            'rounded-full border px-3 py-1',
            o.active
              ? 'border-brand-700 bg-brand-50 font-medium text-brand-800'
              : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100',
          )}
        >
          {o.text}
        </Link>
      ))}
    </nav>
  );
}

/** Filters as plain links: each state is a URL, and they work without JavaScript. */
export function QueueFilters({
  filter,
  canSeeAll,
  locale,
}: {
  filter: QueueFilter;
  canSeeAll: boolean;
  locale: TLocale;
}) {
  const t = messages(locale);
  const q = t.tasks.queue;
  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:gap-6">
      {canSeeAll && (
        <Group
          label={q.scope}
          options={(['mine', 'all'] as const).map((s) => ({
            key: s,
            text: q[s],
            href: href({ ...filter, scope: s }),
            active: filter.scope === s,
          }))}
        />
      )}
      <Group
        label={q.category}
        options={[
          {
            key: 'all',
            text: t.common.actions.all,
            href: href({ ...filter, category: undefined }),
            active: !filter.category,
          },
          ...CATEGORIES.slice()
            .reverse()
            .map((c) => ({
              key: c,
              text: t.common.categoriesPlural[c],
              href: href({ ...filter, category: c }),
              active: filter.category === c,
            })),
        ]}
      />
      <Group
        label={q.status}
        options={(['open', 'done', 'any'] as const).map((s) => ({
          key: s,
          text: t.tasks.statusFilter[s],
          href: href({ ...filter, status: s }),
          active: filter.status === s,
        }))}
      />
    </div>
  );
}
