import Link from 'next/link';
import { PhoneLink } from '@/components/ui/phone-link';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';

export interface CompanyRow {
  id: string;
  name: string;
  externalId: string | null;
  owner: string | null;
  businessUnit: string | null;
  region: string | null;
  phone: string | null;
  yearlyRevenue: number | null;
  contacts: number;
}

function formatEur(n: number, locale: TLocale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n);
}

const dash = <span className="text-zinc-500">–</span>;

export function CompaniesTable({ rows, locale }: { rows: CompanyRow[]; locale: TLocale }) {
  const t = messages(locale).contacts.companies;
  return (
    <Table className="min-w-[56rem]" label={t.title}>
      <thead>
        <tr>
          <Th>{t.cols.name}</Th>
          <Th>{t.cols.externalId}</Th>
          <Th>{t.cols.owner}</Th>
          <Th>{t.cols.businessUnit}</Th>
          <Th>{t.cols.region}</Th>
          <Th>{t.cols.phone}</Th>
          <Th className="text-right">{t.cols.yearlyRevenue}</Th>
          <Th className="text-right">{t.cols.contacts}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className="hover:bg-zinc-50">
            <Td className="font-medium text-zinc-900">{c.name}</Td>
            <Td>{c.externalId ? <code className="text-xs">{c.externalId}</code> : dash}</Td>
            <Td>{c.owner ?? dash}</Td>
            <Td>{c.businessUnit ?? dash}</Td>
            <Td>{c.region ?? dash}</Td>
            <Td className="whitespace-nowrap">{c.phone ? <PhoneLink e164={c.phone} /> : dash}</Td>
            <Td className="text-right tabular-nums">
              {c.yearlyRevenue === null ? dash : formatEur(c.yearlyRevenue, locale)}
            </Td>
            <Td className="text-right tabular-nums">
              <Link
                href={`/contacts?companyId=${c.id}`}
                aria-label={fill(t.viewContacts, { count: formatNumber(c.contacts, locale), name: c.name })}
                className="font-medium text-brand-700 underline"
              >
                {formatNumber(c.contacts, locale)}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
