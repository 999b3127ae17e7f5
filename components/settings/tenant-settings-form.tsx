import { FormField } from '@/components/contacts/form-field';
import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/form';
import { LOCALES, messages, type TLocale } from '@/lib/i18n';
import { COMMON_TIME_ZONES, REPLY_MODES, SLA_FIELDS, type TenantSettingsValues } from './tenant-settings';

export function TenantSettingsForm({
  locale,
  action,
  values,
}: {
  locale: TLocale;
  action: FormAction;
  values: TenantSettingsValues;
}) {
  const m = messages(locale);
  const f = m.settings.fields;
  return (
    <ActionForm action={action} success={m.settings.saved}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="settings-name" name="name" label={f.name}>
          <Input
            id="settings-name"
            name="name"
            required
            minLength={2}
            maxLength={80}
            defaultValue={values.name}
          />
        </FormField>
        <FormField id="settings-sender" name="senderName" label={f.senderName} hint={f.senderNameHint}>
          <Input
            id="settings-sender"
            name="senderName"
            required
            minLength={2}
            maxLength={80}
            defaultValue={values.senderName}
          />
        </FormField>
        <FormField
          id="settings-locale"
          name="defaultLocale"
          label={f.defaultLocale}
          hint={f.defaultLocaleHint}
        >
          <Select id="settings-locale" name="defaultLocale" defaultValue={values.defaultLocale}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {m.common.languages[l]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="settings-timezone" name="timeZone" label={f.timeZone} hint={f.timeZoneHint}>
          <Input
            id="settings-timezone"
            name="timeZone"
            required
            list="time-zones"
            autoComplete="off"
            defaultValue={values.timeZone}
          />
          <datalist id="time-zones">
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </FormField>
        <FormField id="settings-throttle" name="throttleDays" label={f.throttleDays} hint={f.throttleHint}>
          <Input
            id="settings-throttle"
            name="throttleDays"
            type="number"
            required
            min={0}
            max={365}
            step={1}
            inputMode="numeric"
            defaultValue={values.throttleDays}
          />
        </FormField>
      </div>
      <fieldset className="rounded-md border border-zinc-200 p-4">
        <legend className="px-1 text-sm font-medium text-zinc-800">{f.slaLegend}</legend>
        <p className="mb-3 text-xs text-zinc-500">{f.slaHint}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {SLA_FIELDS.map(([category, name]) => (
            <FormField
              key={name}
              id={`settings-${name}`}
              name={name}
              label={m.common.categoriesPlural[category]}
            >
              <Input
                id={`settings-${name}`}
                name={name}
                type="number"
                required
                min={1}
                max={60}
                step={1}
                inputMode="numeric"
                defaultValue={values[name]}
              />
            </FormField>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-zinc-200 p-4">
        <legend className="px-1 text-sm font-medium text-zinc-800">{f.replyLegend}</legend>
        <p className="mb-3 text-xs text-zinc-600">{f.replyHint}</p>
        <div className="mb-3 space-y-2">
          {REPLY_MODES.map((mode) => (
            <label key={mode} className="flex items-center gap-2 text-sm text-zinc-800">
              <input
                type="radio"
                name="replyToMode"
                value={mode}
                defaultChecked={values.replyToMode === mode}
                className="h-4 w-4 accent-brand-700"
              />
              {f.replyModes[mode]}
            </label>
          ))}
        </div>
        <p className="mb-3 text-xs text-zinc-600">{f.replyFallback}</p>
        <FormField
          id="settings-reply-to"
          name="replyToAddress"
          label={f.replyToAddress}
          hint={f.replyToAddressHint}
        >
          <Input
            id="settings-reply-to"
            name="replyToAddress"
            type="email"
            maxLength={254}
            autoComplete="off"
            defaultValue={values.replyToAddress ?? ''}
          />
        </FormField>
      </fieldset>
      <Button type="submit" className="w-full sm:w-auto">
        {m.settings.save}
      </Button>
    </ActionForm>
  );
}
