import Link from 'next/link';
import { ProbeForm } from '@/components/routing/probe-form';
import { RuleForm } from '@/components/routing/rule-form';
import { RulesTable } from '@/components/routing/rules-table';
import { TeamsCard } from '@/components/routing/teams-card';
import { Card, CardTitle, Notice, PageHeader } from '@/components/ui/card';
import { guardPage } from '@/lib/http/guard';
import { fill, messages } from '@/lib/i18n';
import { routingOverview } from '@/lib/routing/service';
import {
  addRule,
  addTeam,
  probeRouting,
  removeRule,
  removeTeam,
  reorderRule,
  saveRule,
  saveTeamMembers,
} from './actions';

/** CX managers decide who gets the follow-up of a new answer. */
export default async function RoutingPage() {
  const ctx = await guardPage('routing.manage');
  const m = messages(ctx.locale);
  const t = m.routing;
  const o = await routingOverview(ctx);
  const options = {
    touchpoints: o.touchpoints,
    businessUnits: o.businessUnits,
    companies: o.companies,
    members: o.members,
    teams: o.teams,
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings" className="text-brand-700 underline">
          ← {m.settings.title}
        </Link>
      </p>
      <PageHeader title={t.title} description={t.description} />
      <div className="space-y-6">
        <Notice tone="info">{fill(t.openNotice, { count: o.openTasks })}</Notice>
        <Card aria-labelledby="rules-title">
          <CardTitle>
            <span id="rules-title">{t.rules.title}</span>
          </CardTitle>
          {o.rules.length === 0 ? (
            <p className="text-sm text-zinc-500">{t.rules.empty}</p>
          ) : (
            <RulesTable
              rules={o.rules}
              options={options}
              actions={{ move: reorderRule, remove: removeRule, save: saveRule }}
              locale={ctx.locale}
            />
          )}
          <p className="mt-3 text-sm text-zinc-600">
            <span className="font-medium">{t.rules.fallback}:</span> {t.rules.fallbackText}
          </p>
        </Card>
        <Card aria-labelledby="add-rule-title">
          <CardTitle>
            <span id="add-rule-title">{t.form.addTitle}</span>
          </CardTitle>
          <RuleForm action={addRule} options={options} locale={ctx.locale} idPrefix="new-rule" />
        </Card>
        {o.touchpoints.length > 0 && (
          <Card aria-labelledby="probe-title">
            <CardTitle>
              <span id="probe-title">{t.probe.title}</span>
            </CardTitle>
            <p className="mb-3 text-sm text-zinc-600">{t.probe.intro}</p>
            <ProbeForm
              action={probeRouting}
              touchpoints={o.touchpoints}
              companies={o.companies}
              texts={t.probe}
            />
          </Card>
        )}
        <TeamsCard
          teams={o.teams}
          members={o.members}
          actions={{ add: addTeam, members: saveTeamMembers, remove: removeTeam }}
          locale={ctx.locale}
        />
      </div>
    </>
  );
}
