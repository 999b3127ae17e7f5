import Link from 'next/link';
import { CategoryBadge } from '@/components/nps/category-badge';
import { intervalText, moneyText, npsText } from '@/components/insights/format';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { guardPage } from '@/lib/http/guard';
import { orNotFound } from '@/lib/http/not-found';
import { fill, formatDate, formatNumber, messages } from '@/lib/i18n';
import { companyInsights } from '@/lib/insights/accounts';
import type { TCategory } from '@/lib/nps';

/** One company: its NPS with interval, answers per quarter, contacts' latest scores, open follow-ups. */
export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await guardPage('insights.read');
  const { id } = await params;
  const c = await orNotFound(companyInsights(ctx, id));
  const t = messages(ctx.locale);
  const p = t.insights.company;
  const none = p.none;
  const year = c.year;
  const cat = (k: string) => t.common.categories[k as TCategory];
  const taskLinks = can(ctx.role, 'task.read.all');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/accounts" className="text-brand-700 underline">
          ← {p.back}
        </Link>
      </p>
      <PageHeader title={c.company.name} />
      <Card aria-label={p.lead} className="mb-6">
        <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-5">
          {[
            [p.businessUnit, c.company.businessUnit ?? none],
            [p.region, c.company.region ?? none],
            [p.owner, c.company.owner ?? none],
            [p.revenue, moneyText(c.company.revenue, ctx.locale)],
            [p.lead, c.lead ? p.leads[c.lead] : none],
          ].map(([k, v]) => (
            <div key={k}>
              <dt className="font-medium text-zinc-600">{k}</dt>
              <dd className="mt-1 text-zinc-900" data-testid={k === p.lead ? 'account-lead' : undefined}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <div className="space-y-6">
        <Card aria-labelledby="account-year-title">
          <CardTitle>
            <span id="account-year-title">{p.yearTitle}</span>
          </CardTitle>
          <p data-testid="account-year-nps" className="text-3xl font-bold tabular-nums text-zinc-900">
            {year.n > 0 && !year.enough ? t.insights.headline.tooFew : npsText(year, ctx.locale)}
          </p>
          <p className="mt-1 text-sm text-zinc-700">
            {[
              fill(t.insights.headline.n, { n: formatNumber(year.n, ctx.locale) }),
              year.enough ? intervalText(year, ctx.locale) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {year.n > 0 && !year.enough && (
            <p className="mt-1 text-xs text-zinc-600">
              {fill(t.insights.headline.tooFewHelp, { min: c.minN })}
            </p>
          )}
        </Card>
        <Card aria-labelledby="account-trend-title">
          <CardTitle>
            <span id="account-trend-title">{p.trendTitle}</span>
          </CardTitle>
          <Table className="min-w-[24rem]" label={p.trendTitle}>
            <caption className="sr-only">{p.trendTitle}</caption>
            <thead>
              <tr>
                <Th>{p.period}</Th>
                <Th className="text-right">{t.insights.trend.n}</Th>
                <Th className="text-right">{t.insights.trend.nps}</Th>
                <Th>{t.insights.trend.interval}</Th>
              </tr>
            </thead>
            <tbody>
              {c.trend.map((q) => (
                <tr key={q.key} className={q.enough ? undefined : 'text-zinc-500'}>
                  <Th scope="row" className="border-zinc-100 text-sm font-normal normal-case text-zinc-900">
                    {q.label}
                  </Th>
                  <Td className="text-right tabular-nums">{formatNumber(q.n, ctx.locale)}</Td>
                  {q.n > 0 && !q.enough ? (
                    <Td colSpan={2} className="italic text-zinc-600">
                      {t.insights.trend.tooFew}
                    </Td>
                  ) : (
                    <>
                      <Td className="text-right tabular-nums">{npsText(q, ctx.locale)}</Td>
                      <Td className="tabular-nums">{intervalText(q, ctx.locale) ?? '–'}</Td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card aria-labelledby="account-contacts-title">
          <CardTitle>
            <span id="account-contacts-title">{p.contactsTitle}</span>
          </CardTitle>
          {c.contacts.length === 0 ? (
            <EmptyState>{p.noContacts}</EmptyState>
          ) : (
            <Table className="min-w-[36rem]" label={p.contactsTitle}>
              <caption className="sr-only">{p.contactsTitle}</caption>
              <thead>
                <tr>
                  <Th>{p.contact}</Th>
                  <Th className="text-right">{p.score}</Th>
                  <Th>{p.category}</Th>
                  <Th>{p.date}</Th>
                  <Th>{p.comment}</Th>
                </tr>
              </thead>
              <tbody>
                {c.contacts.map((x) => (
                  <tr key={x.contactId}>
                    <Th scope="row" className="border-zinc-100 text-sm font-normal normal-case text-zinc-900">
                      {x.name ?? x.email}
                    </Th>
                    <Td className="text-right tabular-nums">{x.score}</Td>
                    <Td>
                      <CategoryBadge category={x.category as TCategory} label={cat(x.category)} />
                    </Td>
                    <Td className="whitespace-nowrap">{formatDate(x.submittedAt, ctx.locale, c.timeZone)}</Td>
                    <Td className="break-words">{x.comment ?? ''}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card aria-labelledby="account-tasks-title">
          <CardTitle>
            <span id="account-tasks-title">{p.tasksTitle}</span>
          </CardTitle>
          {c.openTasks.length === 0 ? (
            <EmptyState>{p.noTasks}</EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100 text-sm">
              {c.openTasks.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-3 py-2">
                  <CategoryBadge category={x.category as TCategory} label={cat(x.category)} />
                  <span>
                    {p.due}: {formatDate(x.dueAt, ctx.locale, c.timeZone)}
                  </span>
                  <span>{x.assignee ?? none}</span>
                  {taskLinks && (
                    <Link href={`/tasks/${x.id}`} className="text-brand-700 underline">
                      {t.insights.loop.viewTasks}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
