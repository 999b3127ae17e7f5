import { ActionForm, FieldError, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/form';
import { fill, messages, type TLocale } from '@/lib/i18n';

interface Member {
  membershipId: string;
  name: string;
}

function MemberChecks({
  members,
  chosen,
  idPrefix,
}: {
  members: Member[];
  chosen: Set<string>;
  idPrefix: string;
}) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-2">
      {members.map((m) => (
        <label
          key={m.membershipId}
          htmlFor={`${idPrefix}-${m.membershipId}`}
          className="flex items-center gap-2 text-sm"
        >
          <input
            id={`${idPrefix}-${m.membershipId}`}
            type="checkbox"
            name="memberIds[]"
            value={m.membershipId}
            defaultChecked={chosen.has(m.membershipId)}
            className="size-4"
          />
          {m.name}
        </label>
      ))}
    </div>
  );
}

/** Teams that share follow-ups in turn: add one, change its members, delete one no rule uses. */
export function TeamsCard({
  teams,
  members,
  actions,
  locale,
}: {
  teams: { id: string; name: string; members: Member[] }[];
  members: Member[];
  actions: { add: FormAction; members: FormAction; remove: FormAction };
  locale: TLocale;
}) {
  const m = messages(locale);
  const t = m.routing.teams;
  return (
    <Card aria-labelledby="teams-title">
      <CardTitle>
        <span id="teams-title">{t.title}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.intro}</p>
      {teams.length === 0 ? (
        <p className="mb-4 text-sm text-zinc-500">{t.empty}</p>
      ) : (
        <ul className="mb-6 space-y-4">
          {teams.map((team) => (
            <li key={team.id} className="rounded-md border border-zinc-200 p-3" data-testid="routing-team">
              <ActionForm action={actions.members} success={t.membersSaved}>
                <input type="hidden" name="id" value={team.id} />
                <fieldset>
                  <legend className="mb-2 text-sm font-semibold text-zinc-900">
                    {fill(t.membersOf, { name: team.name })}
                  </legend>
                  <MemberChecks
                    members={members}
                    chosen={new Set(team.members.map((x) => x.membershipId))}
                    idPrefix={`team-${team.id}`}
                  />
                </fieldset>
                <FieldError name="memberIds" />
                <Button type="submit" size="sm" variant="secondary">
                  {t.saveMembers}
                </Button>
              </ActionForm>
              <ActionForm action={actions.remove} className="mt-2">
                <input type="hidden" name="id" value={team.id} />
                <FieldError name="teamId" />
                <Button type="submit" size="sm" variant="secondary">
                  {m.common.actions.delete}
                  <span className="sr-only"> – {team.name}</span>
                </Button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={actions.add} success={t.added}>
        <div className="space-y-1">
          <Label htmlFor="team-name">{t.nameLabel}</Label>
          <Input id="team-name" name="name" required maxLength={100} />
          <FieldError name="name" />
        </div>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800">{t.pickMembers}</legend>
          <MemberChecks members={members} chosen={new Set()} idPrefix="new-team" />
        </fieldset>
        <FieldError name="memberIds" />
        <Button type="submit">{t.add}</Button>
      </ActionForm>
    </Card>
  );
}
