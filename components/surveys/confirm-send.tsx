import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import type { TAudience } from '@/lib/distribution/schemas';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';

/** The confirmation of a previewed send: the audience and the number the CX manager saw go back. */
export function ConfirmSend({
  action,
  surveyId,
  audience,
  invite,
  locale,
}: {
  action: FormAction;
  surveyId: string;
  audience: TAudience;
  invite: number;
  locale: TLocale;
}) {
  const t = messages(locale).surveys.sendPreview;
  const ids =
    audience.type === 'companies'
      ? audience.companyIds.map((v) => ['companyIds[]', v])
      : audience.type === 'businessUnits'
        ? audience.businessUnitIds.map((v) => ['businessUnitIds[]', v])
        : [];
  return (
    <ActionForm action={action}>
      <p className="text-sm text-zinc-600">{t.confirmHint}</p>
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="audience" value={audience.type} />
      <input type="hidden" name="expectInvite" value={invite} />
      {ids.map(([name, value]) => (
        <input key={`${name}${value}`} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" className="w-full sm:w-auto" data-testid="confirm-send">
        {fill(t.confirm, { count: formatNumber(invite, locale) })}
      </Button>
    </ActionForm>
  );
}
