import { notFound } from 'next/navigation';
import { ContactForm } from '@/components/contacts/contact-form';
import { ContactsTable } from '@/components/contacts/contacts-table';
import { ImportCard } from '@/components/contacts/import-card';
import { SearchForm } from '@/components/contacts/search-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Label, Select } from '@/components/ui/form';
import { can } from '@/lib/auth/permissions';
import { listCompanies, listContacts } from '@/lib/contacts/service';
import { AppError } from '@/lib/errors';
import { guardPage } from '@/lib/http/guard';
import { fill, formatNumber, messages } from '@/lib/i18n';
import { addContact, importContacts } from './actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** listContacts caps its answer; at the cap the page says so instead of pretending that is all. */
const CAP = 1000;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('contact.read');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q.trim().slice(0, 160) : '';
  const companyId = typeof sp.companyId === 'string' && sp.companyId !== '' ? sp.companyId : undefined;
  const t = messages(ctx.locale).contacts.contacts;
  const tc = messages(ctx.locale).contacts.companies;
  const canManage = can(ctx.role, 'contact.manage');

  const companies = await listCompanies(ctx);
  // Another tenant's company id and a made-up one get the same 404.
  const company = companyId ? companies.find((c) => c.id === companyId) : undefined;
  if (companyId && !company) notFound();
  const contacts = await listContacts(ctx, { companyId, q: q || undefined }).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const filtered = q !== '' || companyId !== undefined;

  return (
    <>
      <PageHeader
        title={t.title}
        description={company ? fill(t.ofCompany, { name: company.name }) : t.description}
        action={
          canManage ? (
            <a href="#manage" className="text-sm font-medium text-brand-700 underline">
              {t.manageLink}
            </a>
          ) : undefined
        }
      />
      <Card>
        <SearchForm
          path="/contacts"
          q={q}
          label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          submit={messages(ctx.locale).common.actions.filter}
          clear={tc.clear}
          showClear={filtered}
        >
          <div className="sm:w-64">
            <Label htmlFor="filter-company">{t.companyFilter}</Label>
            <Select id="filter-company" name="companyId" defaultValue={companyId ?? ''}>
              <option value="">{t.allCompanies}</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
        </SearchForm>
        {contacts.length === 0 ? (
          <EmptyState>{filtered ? t.noMatch : t.empty}</EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-zinc-600">
              {contacts.length >= CAP
                ? fill(t.capped, { count: formatNumber(CAP, ctx.locale) })
                : fill(t.count, { count: formatNumber(contacts.length, ctx.locale) })}
            </p>
            <ContactsTable rows={contacts} locale={ctx.locale} />
          </>
        )}
      </Card>
      {canManage && (
        <div id="manage" className="mt-6 grid scroll-mt-4 gap-6 lg:grid-cols-2">
          <ContactForm locale={ctx.locale} action={addContact} companies={companies} companyId={companyId} />
          <ImportCard
            kind="contacts"
            locale={ctx.locale}
            ownerEmail={ctx.user.email}
            action={importContacts}
          />
        </div>
      )}
    </>
  );
}
