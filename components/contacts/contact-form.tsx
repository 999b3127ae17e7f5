import { ActionForm, type FormAction } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/form';
import { LOCALES, messages, type TLocale } from '@/lib/i18n';
import { FormField } from './form-field';

/** Adds a contact, or updates the one with the same email address (the service upserts). */
export function ContactForm({
  locale,
  action,
  companies,
  companyId,
}: {
  locale: TLocale;
  action: FormAction;
  companies: { id: string; name: string; externalId: string | null }[];
  /** Preselected when the list is filtered on one company. */
  companyId?: string;
}) {
  const t = messages(locale).contacts.contacts;
  const f = t.fields;
  const languages = messages(locale).common.languages;
  const preselected = companies.some((c) => c.id === companyId) ? companyId : undefined;
  return (
    <Card aria-labelledby="add-contact-title">
      <CardTitle>
        <span id="add-contact-title">{t.addTitle}</span>
      </CardTitle>
      <p className="mb-4 text-sm text-zinc-600">{t.addHint}</p>
      <ActionForm action={action} success={t.saved}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="contact-email" name="email" label={f.email}>
            <Input id="contact-email" name="email" type="email" required maxLength={254} autoComplete="off" />
          </FormField>
          <FormField id="contact-name" name="name" label={f.name}>
            <Input id="contact-name" name="name" maxLength={160} autoComplete="off" />
          </FormField>
          <FormField id="contact-phone" name="phone" label={f.phone} hint={f.phoneHint}>
            <Input id="contact-phone" name="phone" type="tel" maxLength={40} autoComplete="off" />
          </FormField>
          <FormField id="contact-locale" name="locale" label={f.locale}>
            <Select id="contact-locale" name="locale" defaultValue="">
              <option value="">{f.defaultLocale}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {languages[l]}
                </option>
              ))}
            </Select>
          </FormField>
          {/* By id: names, and a name and another company's external id, can be the same. */}
          <FormField id="contact-company" name="companyId" label={f.company}>
            <Select id="contact-company" name="companyId" defaultValue={preselected ?? ''}>
              <option value="">{f.noCompany}</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.externalId ? `${c.name} (${c.externalId})` : c.name}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <Button type="submit" className="w-full sm:w-auto">
          {t.submit}
        </Button>
      </ActionForm>
    </Card>
  );
}
