import { ActionForm, FieldError } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Label, Select } from '@/components/ui/form';
import type { ActionResult } from '@/lib/http/action';
import { messages, type TLocale } from '@/lib/i18n';

type Action = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown> | null>;

/** Who works the task; a CX manager can hand it to a colleague. */
export function AssignCard({
  taskId,
  assignee,
  members,
  canReassign,
  action,
  locale,
}: {
  taskId: string;
  assignee: { membershipId: string; name: string } | null;
  members: { membershipId: string; name: string }[];
  canReassign: boolean;
  action: Action;
  locale: TLocale;
}) {
  const t = messages(locale).tasks.assign;
  return (
    <Card aria-labelledby="assign-title">
      <CardTitle>
        <span id="assign-title">{t.title}</span>
      </CardTitle>
      <p className="text-sm">
        <span className="text-zinc-600">{t.current}: </span>
        <span data-testid="task-assignee" className="font-medium">
          {assignee?.name ?? t.unassigned}
        </span>
      </p>
      {canReassign && members.length > 0 && (
        <ActionForm action={action} success={t.saved} className="mt-4">
          <input type="hidden" name="taskId" value={taskId} />
          <div className="space-y-1">
            <Label htmlFor="reassign-member">{t.label}</Label>
            <Select
              id="reassign-member"
              name="membershipId"
              defaultValue={assignee?.membershipId ?? members[0]!.membershipId}
            >
              {members.map((m) => (
                <option key={m.membershipId} value={m.membershipId}>
                  {m.name}
                </option>
              ))}
            </Select>
            <FieldError name="membershipId" />
          </div>
          <Button type="submit" variant="secondary">
            {t.submit}
          </Button>
        </ActionForm>
      )}
    </Card>
  );
}
