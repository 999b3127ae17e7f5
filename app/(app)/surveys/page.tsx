import { GettingStarted } from '@/components/surveys/getting-started';
import { phaseLabel } from '@/components/surveys/phase';
import { SurveyCreateForm } from '@/components/surveys/survey-create-form';
import { TouchpointForm } from '@/components/surveys/touchpoint-form';
import { TouchpointGroups, type TouchpointRow } from '@/components/surveys/touchpoint-groups';
import { PageHeader } from '@/components/ui/card';
import { guardPage } from '@/lib/http/guard';
import { messages } from '@/lib/i18n';
import { listSurveys, listTouchpoints } from '@/lib/surveys/service';
import { addSurvey, addTouchpoint } from './actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SurveysPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('survey.manage');
  const sp = await searchParams;
  const t = messages(ctx.locale).surveys;
  const [touchpoints, surveys] = await Promise.all([listTouchpoints(ctx), listSurveys(ctx)]);

  const rows: TouchpointRow[] = touchpoints.map((tp) => ({
    id: tp.id,
    name: tp.name,
    phase: tp.phase,
    customPhase: tp.customPhase,
    description: tp.description,
    cadenceMonths: tp.kind === 'RELATIONSHIP' ? tp.cadenceMonths : null,
    surveys: surveys
      .filter((s) => s.touchpointId === tp.id)
      .map((s) => ({ id: s.id, name: s.name, status: s.status, sent: s.sent, responses: s.responses })),
  }));
  // Only a touchpoint of this tenant can be preselected; anything else leaves the choice open.
  const selected =
    typeof sp.touchpoint === 'string' && touchpoints.some((tp) => tp.id === sp.touchpoint)
      ? sp.touchpoint
      : undefined;

  return (
    <>
      <PageHeader
        title={t.list.title}
        description={t.list.description}
        action={
          rows.length > 0 ? (
            <a href="#manage" className="text-sm font-medium text-brand-700 underline">
              {t.list.manageLink}
            </a>
          ) : undefined
        }
      />
      {rows.length === 0 ? (
        <GettingStarted locale={ctx.locale} />
      ) : (
        <TouchpointGroups locale={ctx.locale} touchpoints={rows} canManage />
      )}
      <div id="manage" className="mt-8 grid scroll-mt-4 gap-6 lg:grid-cols-2">
        <TouchpointForm locale={ctx.locale} action={addTouchpoint} />
        <SurveyCreateForm
          locale={ctx.locale}
          action={addSurvey}
          selected={selected}
          touchpoints={touchpoints.map((tp) => ({
            id: tp.id,
            label: `${tp.name} (${phaseLabel(tp, ctx.locale)})`,
          }))}
        />
      </div>
    </>
  );
}
