import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import type { ActionResult } from '@/lib/http/action';
import { messages, type TLocale } from '@/lib/i18n';
import { StatusBadge, type TTaskStatus } from './status-badge';

type Action = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown> | null>;

/** Moves the task open -> in progress -> done, and back to open; each button submits its status. */
export function WorkCard({
  taskId,
  status,
  canWork,
  action,
  locale,
}: {
  taskId: string;
  status: TTaskStatus;
  canWork: boolean;
  action: Action;
  locale: TLocale;
}) {
  const t = messages(locale).tasks;
  const next: { status: TTaskStatus; label: string; variant: 'primary' | 'secondary' }[] =
    status === 'OPEN'
      ? [
          { status: 'IN_PROGRESS', label: t.work.start, variant: 'secondary' },
          { status: 'DONE', label: t.work.done, variant: 'primary' },
        ]
      : status === 'IN_PROGRESS'
        ? [{ status: 'DONE', label: t.work.done, variant: 'primary' }]
        : [{ status: 'OPEN', label: t.work.reopen, variant: 'secondary' }];
  return (
    <Card aria-labelledby="work-title">
      <CardTitle>
        <span id="work-title">{t.work.title}</span>
      </CardTitle>
      <p className="mb-3 flex items-center gap-2 text-sm" aria-live="polite">
        <span className="text-zinc-600">{t.work.current}:</span>
        <span data-testid="task-status">
          <StatusBadge status={status} locale={locale} />
        </span>
      </p>
      {canWork ? (
        // One small form per step with the status in a hidden field: it does not depend on the
        // clicked button being sent along, with or without JavaScript.
        <div className="flex flex-wrap items-start gap-2">
          {next.map((n) => (
            <ActionForm key={n.status} action={action}>
              <input type="hidden" name="taskId" value={taskId} />
              <input type="hidden" name="status" value={n.status} />
              <Button type="submit" variant={n.variant}>
                {n.label}
              </Button>
            </ActionForm>
          ))}
        </div>
      ) : (
        <p className="text-sm text-zinc-600">{t.work.readOnly}</p>
      )}
    </Card>
  );
}
