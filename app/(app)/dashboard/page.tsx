import Link from 'next/link';
import { BreakdownTable } from '@/components/insights/breakdown-table';
import { DashboardFilterForm } from '@/components/insights/filter-form';
import { LoopHealth } from '@/components/insights/loop-health';
import { NpsHeadline } from '@/components/insights/nps-headline';
import { RecentComments } from '@/components/insights/recent-comments';
import { TrendCard } from '@/components/insights/trend-card';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { guardPage } from '@/lib/http/guard';
import { messages, parseDay } from '@/lib/i18n';
import { dashboard } from '@/lib/insights/dashboard';
import { quickPicks, todayIn } from '@/lib/insights/period';
import { PHASES } from '@/lib/insights/schemas';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELDS = [
  'granularity',
  'compare',
  'touchpointId',
  'phase',
  'businessUnitId',
  'region',
  'ownerMembershipId',
] as const;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('insights.read');
  const sp = await searchParams;
  // Empty fields of the GET form mean "no filter".
  const param = (k: string) => (typeof sp[k] === 'string' && sp[k] !== '' ? sp[k] : undefined);
  // Days come typed in the user's language (15-03-2026, 15/03/2026) or as ISO from a quick pick.
  const day = (k: string) => {
    const v = param(k);
    return v ? (parseDay(v) ?? undefined) : undefined;
  };
  const invalid = { from: !!param('from') && !day('from'), to: !!param('to') && !day('to') };
  const input = {
    from: day('from'),
    to: day('to'),
    ...Object.fromEntries(FIELDS.map((k) => [k, param(k)])),
  };
  // Bad filters: the service's 400 names the fields; the page shows them and the default view.
  let errors: Record<string, string> | null = null;
  let d: Awaited<ReturnType<typeof dashboard>>;
  try {
    d = await dashboard(ctx, input);
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 400) throw err;
    errors = (err.details as { fields?: Record<string, string> })?.fields ?? { _: err.message };
    d = await dashboard(ctx, {});
  }
  const t = messages(ctx.locale);
  const phaseName = (phase: string, customPhase?: string | null) =>
    phase === 'CUSTOM' && customPhase
      ? customPhase
      : (t.common.phases[phase as keyof typeof t.common.phases] ?? phase);
  const customPhase = new Map(d.options.touchpoints.map((tp) => [tp.id, tp.customPhase]));
  const f = errors ? null : d.filter;

  return (
    <>
      <PageHeader title={t.insights.title} description={t.insights.description} />
      <p className="-mt-2 mb-4 text-sm">
        <Link href="/accounts" className="text-brand-700 underline">
          {t.insights.accounts.viewAccounts} →
        </Link>
        <span aria-hidden="true" className="mx-2 text-zinc-400">
          ·
        </span>
        <Link href="/roi" className="text-brand-700 underline">
          {t.insights.roi.title} →
        </Link>
      </p>
      <DashboardFilterForm
        values={{
          from: invalid.from ? param('from')! : d.period.from,
          to: invalid.to ? param('to')! : d.period.to,
          granularity: f?.granularity ?? 'month',
          compare: f?.compare ?? 'previous',
          touchpointId: f?.touchpointId ?? '',
          phase: f?.phase ?? '',
          businessUnitId: f?.businessUnitId ?? '',
          region: f?.region ?? '',
          ownerMembershipId: f?.ownerMembershipId ?? '',
        }}
        invalid={invalid}
        errors={errors}
        picks={quickPicks(todayIn(d.timeZone))}
        touchpoints={d.options.touchpoints.map((tp) => ({
          id: tp.id,
          label: `${tp.name} (${phaseName(tp.phase, tp.customPhase)})`,
        }))}
        phases={PHASES.map((p) => ({ value: p, label: phaseName(p) }))}
        businessUnits={d.options.businessUnits}
        regions={d.options.regions}
        managers={d.options.managers}
        locale={ctx.locale}
      />
      <div className="space-y-6">
        <NpsHeadline
          summary={d.summary}
          rolling90={d.rolling90}
          comparison={d.comparison}
          minN={d.minN}
          period={d.period}
          locale={ctx.locale}
        />
        <TrendCard trend={d.trend} minN={d.minN} locale={ctx.locale} />
        <BreakdownTable
          id="by-touchpoint"
          title={t.insights.breakdown.byTouchpoint}
          firstColumn={t.insights.breakdown.touchpoint}
          showPhase
          rows={d.byTouchpoint.map((r) => ({
            key: r.id,
            label: r.name,
            phase: phaseName(r.phase, customPhase.get(r.id)),
            summary: r,
          }))}
          locale={ctx.locale}
        />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <BreakdownTable
            id="by-phase"
            title={t.insights.breakdown.byPhase}
            firstColumn={t.insights.breakdown.phase}
            rows={d.byPhase.map((r) => ({ key: r.phase, label: phaseName(r.phase), summary: r }))}
            locale={ctx.locale}
          />
          <BreakdownTable
            id="by-unit"
            title={t.insights.breakdown.byBusinessUnit}
            firstColumn={t.insights.breakdown.businessUnit}
            rows={d.byBusinessUnit.map((r) => ({
              key: r.id ?? 'none',
              label: r.name ?? t.insights.breakdown.noBusinessUnit,
              summary: r,
            }))}
            locale={ctx.locale}
          />
        </div>
        <LoopHealth
          loop={d.loop}
          tasksHref={can(ctx.role, 'task.read.all') ? '/tasks?scope=all' : '/tasks'}
          locale={ctx.locale}
        />
        <RecentComments comments={d.recentComments} timeZone={d.timeZone} locale={ctx.locale} />
      </div>
    </>
  );
}
