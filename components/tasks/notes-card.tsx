import { ActionForm, FieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Label, Textarea } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';
import { fill, formatDate, messages, type TLocale } from '@/lib/i18n';
import type { TaskDetail } from './types';

type Action = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown> | null>;

/** What was done and agreed with the customer, oldest first, and a form to add to it. */
export function NotesCard({
  task,
  canWork,
  action,
  timeZone,
  locale,
}: {
  task: TaskDetail;
  canWork: boolean;
  action: Action;
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale).tasks.notes;
  return (
    <Card aria-labelledby="notes-title">
      <CardTitle>
        <span id="notes-title">{t.title}</span>
      </CardTitle>
      {task.notes.length === 0 ? (
        <p className="text-sm text-zinc-500">{t.empty}</p>
      ) : (
        <ol aria-labelledby="notes-title" className="space-y-3">
          {task.notes.map((n) => (
            <li key={n.id} className="rounded-md bg-zinc-50 p-3">
              <p className="text-xs text-zinc-500">
                {fill(t.by, {
                  name: n.author ? (n.author.user.name ?? n.author.user.email) : t.former,
                  date: formatDate(n.createdAt, locale, timeZone, true),
                })}
              </p>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap text-zinc-900">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWork && (
        <ActionForm action={action} success={t.saved} className="mt-4">
          <input type="hidden" name="taskId" value={task.id} />
          <div className="space-y-1">
            <Label htmlFor="note-body">{t.label}</Label>
            <Textarea
              id="note-body"
              name="body"
              required
              maxLength={5000}
              aria-describedby="note-body-hint"
            />
            <p id="note-body-hint" className="text-xs text-zinc-500">
              {t.hint}
            </p>
            <FieldError name="body" />
          </div>
          <Button type="submit" variant="secondary">
            {t.submit}
          </Button>
        </ActionForm>
      )}
    </Card>
  );
}
