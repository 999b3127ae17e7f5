import { CompaniesTable } from '@/components/contacts/companies-table';
import { CompanyForm } from '@/components/contacts/company-form';
import { ImportCard } from '@/components/contacts/import-card';
import { SearchForm } from '@/components/contacts/search-form';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { listBusinessUnits, listCompanies, listOwners } from '@/lib/contacts/service';
import { guardPage } from '@/lib/http/guard';
import { fill, formatNumber, messages } from '@/lib/i18n';
import { addCompany, importCompanies } from './actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CompaniesPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await guardPage('contact.read');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q.trim().slice(0, 160) : '';
  const t = messages(ctx.locale).contacts.companies;
  const canManage = can(ctx.role, 'contact.manage');
  const [companies, owners, units] = await Promise.all([
    listCompanies(ctx, { q: q || undefined }),
    canManage ? listOwners(ctx) : Promise.resolve([]),
    canManage ? listBusinessUnits(ctx) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
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
          path="/companies"
          q={q}
          label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          submit={t.search}
          clear={t.clear}
          showClear={q !== ''}
        />
        {companies.length === 0 ? (
          <EmptyState>{q ? fill(t.noMatch, { q }) : t.empty}</EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-zinc-600" aria-live="polite">
              {fill(t.count, { count: formatNumber(companies.length, ctx.locale) })}
            </p>
            <CompaniesTable rows={companies} locale={ctx.locale} />
          </>
        )}
      </Card>
      {canManage && (
        <div id="manage" className="mt-6 grid scroll-mt-4 gap-6 lg:grid-cols-2">
          <CompanyForm
            locale={ctx.locale}
            action={addCompany}
            owners={owners}
            businessUnits={units.map((u) => u.name)}
          />
          <ImportCard
            kind="companies"
            locale={ctx.locale}
            ownerEmail={ctx.user.email}
            action={importCompanies}
          />
        </div>
      )}
    </>
  );
}
