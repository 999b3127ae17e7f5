import { BreakdownTable } from '@/components/insights/breakdown-table';
import { DashboardFilterForm } from '@/components/insights/filter-form';
import { LoopHealth } from '@/components/insights/loop-health';
import { NpsHeadline } from '@/components/insights/nps-headline';
import { quickPicks, todayIn } from '@/components/insights/period';
import { RecentComments } from '@/components/insights/recent-comments';
import { TrendCard } from '@/components/insights/trend-card';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { listBusinessUnits } from '@/lib/contacts/service';
import { guardPage } from '@/lib/http/guard';
import { messages, parseDay } from '@/lib/i18n';
import { dashboard } from '@/lib/insights/dashboard';
import { listTouchpoints } from '@/lib/surveys/service';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('insights.read');
  const sp = await searchParams;
  // Empty fields of the GET form mean "no filter"; ids and impossible days fall back to the defaults.
  const param = (k: string) => (typeof sp[k] === 'string' && sp[k] !== '' ? sp[k] : undefined);
  // Days come typed in the user's language (15-03-2026, 15/03/2026) or as ISO from a quick pick.
  const day = (k: string) => {
    const v = param(k);
    return v ? (parseDay(v) ?? undefined) : undefined;
  };
  const invalid = { from: !!param('from') && !day('from'), to: !!param('to') && !day('to') };
  const [d, touchpoints, units] = await Promise.all([
    dashboard(ctx, {
      from: day('from'),
      to: day('to'),
      touchpointId: param('touchpointId'),
      businessUnitId: param('businessUnitId'),
    }),
    listTouchpoints(ctx),
    listBusinessUnits(ctx),
  ]);
  const t = messages(ctx.locale);
  const phaseName = (phase: string, customPhase?: string | null) =>
    phase === 'CUSTOM' && customPhase
      ? customPhase
      : (t.common.phases[phase as keyof typeof t.common.phases] ?? phase);
  const customPhase = new Map(touchpoints.map((tp) => [tp.id, tp.customPhase]));
  // Only echo ids that exist, so a stale or foreign id in the URL does not pose as a selection.
  const touchpointId = touchpoints.some((tp) => tp.id === param('touchpointId'))
    ? param('touchpointId')!
    : '';
  const businessUnitId = units.some((u) => u.id === param('businessUnitId')) ? param('businessUnitId')! : '';

  return (
    <>
      <PageHeader title={t.insights.title} description={t.insights.description} />
      <DashboardFilterForm
        values={{
          from: invalid.from ? param('from')! : d.period.from,
          to: invalid.to ? param('to')! : d.period.to,
          touchpointId,
          businessUnitId,
        }}
        invalid={invalid}
        picks={quickPicks(todayIn(d.timeZone))}
        touchpoints={touchpoints.map((tp) => ({
          id: tp.id,
          label: `${tp.name} (${phaseName(tp.phase, tp.customPhase)})`,
        }))}
        businessUnits={units.map((u) => ({ id: u.id, name: u.name }))}
        locale={ctx.locale}
      />
      <div className="space-y-6">
        <NpsHeadline summary={d.summary} period={d.period} locale={ctx.locale} />
        <TrendCard trend={d.trend} period={d.period} locale={ctx.locale} />
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
