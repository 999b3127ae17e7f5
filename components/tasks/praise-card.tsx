import { ActionForm, FieldError, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Label, Textarea } from '@/components/ui/form';
import { messages, type TLocale } from '@/lib/i18n';

/** Praise travels: a promoter's comment to the colleagues who earned it. */
export function PraiseCard({
  taskId,
  members,
  action,
  locale,
}: {
  taskId: string;
  members: { membershipId: string; name: string }[];
  action: FormAction;
  locale: TLocale;
}) {
  const t = messages(locale).reply.praise;
  return (
    <Card aria-labelledby="praise-title">
      <CardTitle>
        <span id="praise-title">{t.title}</span>
      </CardTitle>
      <ActionForm action={action} success={t.done}>
        <input type="hidden" name="taskId" value={taskId} />
        <p className="text-sm text-zinc-600">{t.intro}</p>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800">{t.members}</legend>
          <div className="space-y-1">
            {members.map((m) => (
              <label
                key={m.membershipId}
                htmlFor={`praise-${m.membershipId}`}
                className="flex items-center gap-2 text-sm"
              >
                <input
                  id={`praise-${m.membershipId}`}
                  type="checkbox"
                  name="memberIds[]"
                  value={m.membershipId}
                  className="size-4"
                />
                {m.name}
              </label>
            ))}
          </div>
          <FieldError name="memberIds" />
        </fieldset>
        <div className="space-y-1">
          <Label htmlFor="praise-note">{t.note}</Label>
          <Textarea id="praise-note" name="note" rows={2} />
        </div>
        <Button type="submit" variant="secondary">
          {t.submit}
        </Button>
      </ActionForm>
    </Card>
  );
}
