import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { PhoneLink } from '@/components/ui/phone-link';
import { Table, Td, Th } from '@/components/ui/table';
import { messages, type TLocale } from '@/lib/i18n';

export interface ContactRow {
  id: string;
  email: string;
  name: string | null;
  phone: string | null;
  locale: TLocale | null;
  unsubscribedAt: Date | null;
  bouncedAt: Date | null;
  company: { id: string; name: string } | null;
}

const dash = <span className="text-zinc-500">–</span>;

export function ContactsTable({ rows, locale }: { rows: ContactRow[]; locale: TLocale }) {
  const t = messages(locale).contacts.contacts;
  const languages = messages(locale).common.languages;
  return (
    <Table className="min-w-[48rem]" label={t.title}>
      <thead>
        <tr>
          <Th>{t.cols.email}</Th>
          <Th>{t.cols.name}</Th>
          <Th>{t.cols.phone}</Th>
          <Th>{t.cols.language}</Th>
          <Th>{t.cols.company}</Th>
          <Th>{t.cols.state}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className="hover:bg-zinc-50">
            <Td className="whitespace-nowrap font-medium text-zinc-900">{c.email}</Td>
            <Td>{c.name ?? dash}</Td>
            <Td className="whitespace-nowrap">{c.phone ? <PhoneLink e164={c.phone} /> : dash}</Td>
            <Td>{c.locale ? languages[c.locale] : dash}</Td>
            <Td>
              {c.company ? (
                <Link href={`/contacts?companyId=${c.company.id}`} className="text-brand-700 underline">
                  {c.company.name}
                </Link>
              ) : (
                dash
              )}
            </Td>
            <Td>
              <span className="flex flex-wrap gap-1">
                {c.unsubscribedAt && (
                  <Badge className="bg-amber-100 text-amber-800">{t.states.unsubscribed}</Badge>
                )}
                {c.bouncedAt && <Badge className="bg-red-100 text-red-800">{t.states.bounced}</Badge>}
                {!c.unsubscribedAt && !c.bouncedAt && (
                  <Badge className="bg-green-50 text-green-800">{t.states.active}</Badge>
                )}
              </span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
