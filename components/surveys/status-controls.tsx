import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { messages, type TLocale } from '@/lib/i18n';
import { SurveyStatusBadge, type TSurveyStatus } from './status-badge';
import type { FormAction } from './types';

/** The current status, what it means, and the moves from it; the badge shows the result. */
export function StatusControls({
  locale,
  surveyId,
  status,
  action,
}: {
  locale: TLocale;
  surveyId: string;
  status: TSurveyStatus;
  action: FormAction;
}) {
  const t = messages(locale).surveys;
  const p = t.statusPanel;
  return (
    <Card aria-labelledby="status-title">
      <CardTitle>
        <span id="status-title">{p.title}</span>
      </CardTitle>
      <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-zinc-600">{p.current}:</span>
        <SurveyStatusBadge status={status} label={t.status[status]} />
      </p>
      <p className="mb-4 text-sm text-zinc-600">{t.statusHelp[status]}</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        {status !== 'ACTIVE' && (
          <StatusButton action={action} surveyId={surveyId} to="ACTIVE" label={p.activate} primary />
        )}
        {status === 'ACTIVE' && (
          <StatusButton action={action} surveyId={surveyId} to="PAUSED" label={p.pause} />
        )}
        {status !== 'ARCHIVED' && (
          <StatusButton action={action} surveyId={surveyId} to="ARCHIVED" label={p.archive} />
        )}
      </div>
    </Card>
  );
}

/** One form per move: the target status is a hidden field, not the clicked button's value. */
function StatusButton({
  action,
  surveyId,
  to,
  label,
  primary,
}: {
  action: FormAction;
  surveyId: string;
  to: TSurveyStatus;
  label: string;
  primary?: boolean;
}) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="id" value={surveyId} />
      <input type="hidden" name="status" value={to} />
      <Button type="submit" variant={primary ? 'primary' : 'secondary'} className="w-full sm:w-auto">
        {label}
      </Button>
    </ActionForm>
  );
}
