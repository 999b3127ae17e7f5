import Link from 'next/link';
import { AccountsTable } from '@/components/insights/accounts-table';
import { dayLabel, intervalText, moneyText, npsText } from '@/components/insights/format';
import { Card, Notice, PageHeader } from '@/components/ui/card';
import { AppError } from '@/lib/errors';
import { guardPage } from '@/lib/http/guard';
import { fill, formatNumber, messages, parseDay } from '@/lib/i18n';
import { accountsView } from '@/lib/insights/accounts';
import { formatNps } from '@/lib/nps';
import { getTenant } from '@/lib/tenancy/service';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Figure({
  label,
  value,
  help,
  testId,
}: {
  label: string;
  value: string;
  help?: string;
  testId: string;
}) {
  return (
    <div>
      <p className="text-sm font-medium text-zinc-600">{label}</p>
      <p data-testid={testId} className="mt-1 text-3xl font-bold tabular-nums text-zinc-900">
        {value}
      </p>
      {help && <p className="mt-1 text-xs text-zinc-600">{help}</p>}
    </div>
  );
}

/** Accounts ranked by risk, with the account-level NPS beside the answer-level one. */
export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('insights.read');
  const sp = await searchParams;
  const param = (k: string) => (typeof sp[k] === 'string' && sp[k] !== '' ? (sp[k] as string) : undefined);
  const day = (k: string) => (param(k) ? (parseDay(param(k)!) ?? param(k)) : undefined);
  const t = messages(ctx.locale);
  const a = t.insights.accounts;
  let error: string | null = null;
  let v: Awaited<ReturnType<typeof accountsView>>;
  try {
    v = await accountsView(ctx, { from: day('from'), to: day('to') });
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 400) throw err;
    error = err.message;
    v = await accountsView(ctx, {});
  }
  const tenant = await getTenant(ctx);
  const lvl = v.accountLevel;
  const resp = v.respondentLevel;
  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      {error && (
        <div className="mb-4">
          <Notice tone="error">{fill(t.insights.filter.invalid, { errors: error })}</Notice>
        </div>
      )}
      <p className="mb-4 text-sm text-zinc-700">
        {fill(t.insights.filter.period, {
          from: dayLabel(v.period.from, ctx.locale),
          to: dayLabel(v.period.to, ctx.locale),
        })}
      </p>
      <Card aria-labelledby="account-nps-title" className="mb-6">
        <h2 id="account-nps-title" className="sr-only">
          {a.accountNps}
        </h2>
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          <Figure
            testId="account-nps"
            label={a.accountNps}
            value={formatNps(lvl.nps) ?? t.common.states.noData}
            help={fill(a.counts, {
              promoterLed: formatNumber(lvl.promoterLed, ctx.locale),
              balanced: formatNumber(lvl.balanced, ctx.locale),
              detractorLed: formatNumber(lvl.detractorLed, ctx.locale),
              n: formatNumber(lvl.n, ctx.locale),
            })}
          />
          <Figure
            testId="account-nps-revenue"
            label={a.revenueWeighted}
            value={formatNps(lvl.revenueWeighted) ?? t.common.states.noData}
          />
          <Figure
            testId="respondent-nps"
            label={a.respondentNps}
            value={resp.n > 0 && !resp.enough ? t.insights.headline.tooFew : npsText(resp, ctx.locale)}
            help={[
              fill(t.insights.headline.n, { n: formatNumber(resp.n, ctx.locale) }),
              resp.enough ? intervalText(resp, ctx.locale) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          <Figure
            testId="revenue-at-risk"
            label={a.revenueAtRisk}
            value={moneyText(lvl.revenueAtRisk, ctx.locale)}
            help={a.revenueAtRiskHelp}
          />
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{a.methodTitle}</summary>
          <p className="mt-2 max-w-3xl text-sm text-zinc-700">
            {fill(a.method, {
              counted: formatNumber(lvl.revenueCounted, ctx.locale),
              n: formatNumber(lvl.n, ctx.locale),
            })}
          </p>
        </details>
      </Card>
      <div className="space-y-6">
        <AccountsTable
          id="at-risk"
          title={a.atRisk}
          empty={a.atRiskEmpty}
          rows={v.atRisk}
          timeZone={tenant.timeZone}
          locale={ctx.locale}
        />
        <AccountsTable
          id="references"
          title={a.references}
          empty={a.referencesEmpty}
          rows={v.references}
          timeZone={tenant.timeZone}
          locale={ctx.locale}
        />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/dashboard" className="text-brand-700 underline">
          ← {t.insights.title}
        </Link>
      </p>
    </>
  );
}
