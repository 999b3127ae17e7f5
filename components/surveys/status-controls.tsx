import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { messages, type TLocale } from '@/lib/i18n';
import { SurveyStatusBadge, type TSurveyStatus } from './status-badge';
import type { FormAction } from './types';

/**
 * The current status, what it means, and the moves from it. The clicked button's name/value
 * ("status") travels with the form, so one form serves all three.
 */
export function StatusControls({ locale, surveyId, status, action }: { locale: TLocale; surveyId: string; status: TSurveyStatus; action: FormAction }) {
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
      <ActionForm action={action} success={p.changed}>
        <input type="hidden" name="id" value={surveyId} />
        <div className="flex flex-col gap-2 sm:flex-row">
          {status !== 'ACTIVE' && (
            <Button type="submit" name="status" value="ACTIVE">
              {p.activate}
            </Button>
          )}
          {status === 'ACTIVE' && (
            <Button type="submit" name="status" value="PAUSED" variant="secondary">
              {p.pause}
            </Button>
          )}
          {status !== 'ARCHIVED' && (
            <Button type="submit" name="status" value="ARCHIVED" variant="secondary">
              {p.archive}
            </Button>
          )}
        </div>
      </ActionForm>
    </Card>
  );
}
