import type { ReactNode } from 'react';
import { Card, CardTitle } from '@/components/ui/card';
import { PhoneLink } from '@/components/ui/phone-link';
import { messages, type TLocale } from '@/lib/i18n';
import type { TaskDetail } from './types';

/** Who to call: the contact who answered and the account it belongs to. */
export function CustomerCard({ task, locale }: { task: TaskDetail; locale: TLocale }) {
  const d = messages(locale).tasks.detail;
  const contact = task.response.contact;
  const company = task.company;
  const row = (label: string, value: ReactNode) => (
    <div>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="[overflow-wrap:anywhere]">{value}</dd>
    </div>
  );
  return (
    <Card aria-labelledby="customer-title">
      <CardTitle>
        <span id="customer-title">{d.customer}</span>
      </CardTitle>
      <dl className="space-y-2 text-sm">
        {row(d.contact, contact.name ?? d.none)}
        {row(
          d.email,
          <a href={`mailto:${contact.email}`} className="font-medium text-brand-700 underline">
            {contact.email}
          </a>,
        )}
        {row(d.phone, contact.phone ? <PhoneLink e164={contact.phone} /> : d.none)}
        {row(d.company, company?.name ?? d.noCompany)}
        {company?.phone && row(d.companyPhone, <PhoneLink e164={company.phone} />)}
        {company && row(d.businessUnit, company.businessUnit?.name ?? d.none)}
        {company &&
          row(d.owner, company.owner ? (company.owner.user.name ?? company.owner.user.email) : d.none)}
      </dl>
    </Card>
  );
}
