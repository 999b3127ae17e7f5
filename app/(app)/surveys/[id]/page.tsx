import Link from 'next/link';
import { DistributionList } from '@/components/surveys/distribution-list';
import { phaseLabel } from '@/components/surveys/phase';
import { ReminderPanel } from '@/components/surveys/reminder-panel';
import { SendPanel } from '@/components/surveys/send-panel';
import { StatusControls } from '@/components/surveys/status-controls';
import { SurveyStatusBadge } from '@/components/surveys/status-badge';
import { SurveyEditor } from '@/components/surveys/survey-editor';
import { SurveyPreview } from '@/components/surveys/survey-preview';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { listBusinessUnits, listCompanies } from '@/lib/contacts/service';
import { listDistributions } from '@/lib/distribution/distribute';
import { reminderStats } from '@/lib/distribution/reminders';
import { guardPage } from '@/lib/http/guard';
import { fill, messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { changeSurveyStatus, saveReminders, saveSurvey } from './actions';
import { loadSurvey } from './load';

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await guardPage('survey.manage');
  const { id } = await params;
  const survey = await loadSurvey(ctx, id);
  const canSend = can(ctx.role, 'distribution.send');
  const [tenant, distributions, reminders, companies, units] = await Promise.all([
    getTenant(ctx),
    listDistributions(ctx, survey.id),
    reminderStats(ctx, survey.id),
    canSend ? listCompanies(ctx) : Promise.resolve([]),
    canSend ? listBusinessUnits(ctx) : Promise.resolve([]),
  ]);
  const m = messages(ctx.locale);
  const t = m.surveys;

  return (
    <>
      <Link href="/surveys" className="mb-3 inline-block text-sm text-brand-700 underline">
        ← {t.detail.back}
      </Link>
      <PageHeader
        title={survey.name}
        description={fill(t.detail.touchpoint, {
          name: survey.touchpoint.name,
          phase: phaseLabel(survey.touchpoint, ctx.locale),
        })}
        action={<SurveyStatusBadge status={survey.status} label={t.status[survey.status]} />}
      />
      <div className="space-y-6">
        <StatusControls
          locale={ctx.locale}
          surveyId={survey.id}
          status={survey.status}
          action={changeSurveyStatus}
        />
        <Card aria-labelledby="texts-title">
          <CardTitle>
            <span id="texts-title">{t.editor.title}</span>
          </CardTitle>
          <p className="mb-4 text-sm text-zinc-600">{t.editor.intro}</p>
          <SurveyEditor
            key={survey.id}
            action={saveSurvey}
            surveyId={survey.id}
            name={survey.name}
            texts={survey.texts}
            labels={{
              name: t.editor.name,
              question: t.editor.question,
              questionHint: fill(t.editor.questionHint, { sender: tenant.senderName }),
              followUpTitle: t.editor.followUpTitle,
              followUp: t.editor.followUp,
              thankYou: t.editor.thankYou,
              submit: t.editor.submit,
              saved: t.editor.saved,
              languages: m.common.languages,
            }}
          />
        </Card>
        <SurveyPreview locale={ctx.locale} texts={survey.texts} company={tenant.senderName} />
        {canSend && (
          <SendPanel
            key={`${survey.id}-${survey.status}`}
            locale={ctx.locale}
            surveyId={survey.id}
            status={survey.status}
            rules={tenant}
            companies={companies}
            businessUnits={units.map((u) => ({ id: u.id, name: u.name }))}
          />
        )}
        <ReminderPanel
          locale={ctx.locale}
          surveyId={survey.id}
          enabled={survey.remindersEnabled}
          days={survey.reminderDays}
          counts={reminders.total}
          action={saveReminders}
        />
        <DistributionList
          locale={ctx.locale}
          timeZone={tenant.timeZone}
          surveyId={survey.id}
          rows={distributions}
        />
      </div>
    </>
  );
}
