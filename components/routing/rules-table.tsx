import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, messages, type TLocale } from '@/lib/i18n';
import { RuleForm, type RuleFormOptions } from './rule-form';

export interface RuleRow {
  id: string;
  name: string;
  touchpointId: string | null;
  phase: string | null;
  category: string | null;
  scoreMin: number | null;
  scoreMax: number | null;
  businessUnitId: string | null;
  companyId: string | null;
  region: string | null;
  target: 'MEMBER' | 'TEAM' | 'OWNER';
  targetMembershipId: string | null;
  targetTeamId: string | null;
  problem: 'memberGone' | 'teamEmpty' | null;
}

/** The ordered rules, each with its conditions in words, where it sends, and move/change/delete. */
export function RulesTable({
  rules,
  options,
  actions,
  locale,
}: {
  rules: RuleRow[];
  options: RuleFormOptions;
  actions: { move: FormAction; remove: FormAction; save: FormAction };
  locale: TLocale;
}) {
  const m = messages(locale);
  const t = m.routing;
  const nameOf = <T extends { id: string; name: string }>(list: T[], id: string | null) =>
    list.find((x) => x.id === id)?.name ?? '?';
  const when = (r: RuleRow) => {
    const c = t.conditions;
    const parts: string[] = [];
    if (r.touchpointId)
      parts.push(fill(c.touchpoint, { value: nameOf(options.touchpoints, r.touchpointId) }));
    if (r.phase)
      parts.push(fill(c.phase, { value: m.common.phases[r.phase as keyof typeof m.common.phases] }));
    if (r.category)
      parts.push(
        fill(c.category, { value: m.common.categories[r.category as keyof typeof m.common.categories] }),
      );
    if (r.scoreMin !== null || r.scoreMax !== null)
      parts.push(fill(c.score, { min: r.scoreMin ?? 0, max: r.scoreMax ?? 10 }));
    if (r.businessUnitId)
      parts.push(fill(c.businessUnit, { value: nameOf(options.businessUnits, r.businessUnitId) }));
    if (r.companyId) parts.push(fill(c.company, { value: nameOf(options.companies, r.companyId) }));
    if (r.region) parts.push(fill(c.region, { value: r.region }));
    return parts.length ? parts.join(', ') : t.rules.any;
  };
  const then = (r: RuleRow) =>
    r.target === 'OWNER'
      ? t.targets.OWNER
      : r.target === 'TEAM'
        ? fill(t.targets.teamTarget, { name: nameOf(options.teams, r.targetTeamId) })
        : (options.members.find((x) => x.membershipId === r.targetMembershipId)?.name ?? '?');
  return (
    <Table label={t.rules.title}>
      <thead>
        <tr>
          <Th>{t.rules.position}</Th>
          <Th>{t.rules.name}</Th>
          <Th>{t.rules.when}</Th>
          <Th>{t.rules.then}</Th>
          <Th>
            <span className="sr-only">{m.common.actions.edit}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r, i) => (
          <tr key={r.id} data-testid="routing-rule">
            <Td>{i + 1}</Td>
            <Td className="font-medium text-zinc-900">{r.name}</Td>
            <Td>{when(r)}</Td>
            <Td>
              {then(r)}
              {r.problem && (
                <p className="mt-1">
                  <Badge className="bg-amber-100 text-amber-900">
                    {r.problem === 'memberGone' ? t.rules.problemMemberGone : t.rules.problemTeamEmpty}
                  </Badge>
                </p>
              )}
            </Td>
            <Td>
              <div className="flex flex-wrap items-start gap-2">
                {i > 0 && (
                  <ActionForm action={actions.move}>
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="direction" value="up" />
                    <Button type="submit" size="sm" variant="secondary">
                      {t.rules.up}
                      <span className="sr-only"> – {r.name}</span>
                    </Button>
                  </ActionForm>
                )}
                {i < rules.length - 1 && (
                  <ActionForm action={actions.move}>
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="direction" value="down" />
                    <Button type="submit" size="sm" variant="secondary">
                      {t.rules.down}
                      <span className="sr-only"> – {r.name}</span>
                    </Button>
                  </ActionForm>
                )}
                <ActionForm action={actions.remove}>
                  <input type="hidden" name="id" value={r.id} />
                  <Button type="submit" size="sm" variant="secondary">
                    {m.common.actions.delete}
                    <span className="sr-only"> – {r.name}</span>
                  </Button>
                </ActionForm>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700 underline">
                  {t.rules.edit}
                  <span className="sr-only"> – {r.name}</span>
                </summary>
                <div className="mt-3 min-w-[32rem]">
                  <RuleForm
                    action={actions.save}
                    options={options}
                    values={r}
                    locale={locale}
                    idPrefix={`rule-${r.id}`}
                  />
                </div>
              </details>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
