import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/form';
import { messages, type TLocale } from '@/lib/i18n';
import { FormField } from './form-field';

/** Adds a company, or updates the one with the same external id (the service upserts). */
export function CompanyForm({
  locale,
  action,
  owners,
  businessUnits,
}: {
  locale: TLocale;
  action: FormAction;
  owners: { email: string; name: string }[];
  businessUnits: string[];
}) {
  const t = messages(locale).contacts.companies;
  const f = t.fields;
  return (
    <Card aria-labelledby="add-company-title">
      <CardTitle>
        <span id="add-company-title">{t.addTitle}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.addHint}</p>
      <ActionForm action={action} success={t.saved}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="company-name" name="name" label={f.name}>
            <Input id="company-name" name="name" required maxLength={160} autoComplete="organization" />
          </FormField>
          <FormField id="company-external-id" name="externalId" label={f.externalId} hint={f.externalIdHint}>
            <Input id="company-external-id" name="externalId" maxLength={80} autoComplete="off" />
          </FormField>
          <FormField id="company-owner" name="ownerEmail" label={f.ownerEmail}>
            <Select id="company-owner" name="ownerEmail" defaultValue="">
              <option value="">{f.noOwner}</option>
              {owners.map((o) => (
                <option key={o.email} value={o.email}>
                  {o.name === o.email ? o.email : `${o.name} (${o.email})`}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            id="company-business-unit"
            name="businessUnit"
            label={f.businessUnit}
            hint={f.businessUnitHint}
          >
            <Input
              id="company-business-unit"
              name="businessUnit"
              maxLength={80}
              list="business-units"
              autoComplete="off"
            />
            <datalist id="business-units">
              {businessUnits.map((u) => (
                <option key={u} value={u} />
              ))}
            </datalist>
          </FormField>
          <FormField id="company-region" name="region" label={f.region}>
            <Input id="company-region" name="region" maxLength={80} />
          </FormField>
          <FormField id="company-phone" name="phone" label={f.phone} hint={f.phoneHint}>
            <Input id="company-phone" name="phone" type="tel" maxLength={40} autoComplete="off" />
          </FormField>
          <FormField id="company-revenue" name="yearlyRevenue" label={f.yearlyRevenue}>
            <Input
              id="company-revenue"
              name="yearlyRevenue"
              type="number"
              min={0}
              step="0.01"
              inputMode="decimal"
            />
          </FormField>
        </div>
        <Button type="submit" className="w-full sm:w-auto">
          {t.submit}
        </Button>
      </ActionForm>
    </Card>
  );
}
