import Link from 'next/link';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { SKIP_REASONS, type TSkipReason } from '@/lib/distribution/fatigue';
import type { SendPreview, SkippedContact } from '@/lib/distribution/preview';
import type { TAudience } from '@/lib/distribution/schemas';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { skipReasonText, type RuleFigures } from './skip-reason';

function audienceLine(locale: TLocale, a: TAudience): string {
  const t = messages(locale).surveys.sendPreview;
  const n = (v: number) => formatNumber(v, locale);
  switch (a.type) {
    case 'all':
      return t.audienceAll;
    case 'companies':
      return fill(t.audienceCompanies, { count: n(a.companyIds.length) });
    case 'businessUnits':
      return fill(t.audienceBusinessUnits, { count: n(a.businessUnitIds.length) });
    case 'contacts':
      return fill(t.audienceContacts, { count: n(a.contactIds.length) });
  }
}

/** The figures of a preview, the reasons with their counts, and one reason's contacts a page at a time. */
export function SkipPreview({
  locale,
  basePath,
  query,
  audience,
  preview,
  rules,
  list,
}: {
  locale: TLocale;
  basePath: string;
  query: string;
  audience: TAudience;
  preview: SendPreview;
  rules: RuleFigures;
  list: { reason: TSkipReason; after: string | null; rows: SkippedContact[]; next: string | null } | null;
}) {
  const t = messages(locale).surveys.sendPreview;
  const n = (v: number) => formatNumber(v, locale);
  const reasons = SKIP_REASONS.filter((r) => preview.skipped[r] > 0);
  const skippedTotal = reasons.reduce((s, r) => s + preview.skipped[r], 0);
  const reasonHref = (r: TSkipReason, after?: string) =>
    `${basePath}?${query}&reason=${r}${after ? `&after=${after}` : ''}#skipped-list`;

  return (
    <>
      <Card aria-labelledby="preview-title">
        <CardTitle>
          <span id="preview-title">{audienceLine(locale, audience)}</span>
        </CardTitle>
        <dl className="mb-6 grid gap-4 sm:grid-cols-2" data-testid="preview-figures">
          <div className="rounded-md border border-zinc-200 p-3">
            <dt className="text-sm text-zinc-600">{t.inAudience}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{n(preview.total)}</dd>
          </div>
          <div className="rounded-md border border-green-200 bg-green-50 p-3">
            <dt className="text-sm text-green-900">{t.invite}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-green-900" data-testid="preview-invite">
              {n(preview.invite)}
            </dd>
          </div>
        </dl>
        <h3 className="mb-2 text-sm font-semibold text-zinc-900">{t.skippedTitle}</h3>
        {reasons.length === 0 ? (
          <EmptyState>{t.noneSkipped}</EmptyState>
        ) : (
          <>
            <Table label={t.skippedTitle} className="min-w-[28rem]">
              <thead>
                <tr>
                  <Th>{t.reasonCol}</Th>
                  <Th className="text-right">{t.countCol}</Th>
                  <Th>
                    <span className="sr-only">{t.who}</span>
                  </Th>
                </tr>
              </thead>
              <tbody data-testid="preview-reasons">
                {reasons.map((r) => (
                  <tr key={r} data-reason={r}>
                    <Td>{skipReasonText(locale, r, rules)}</Td>
                    <Td className="text-right font-semibold tabular-nums">{n(preview.skipped[r])}</Td>
                    <Td>
                      <Link href={reasonHref(r)} className="text-brand-700 underline">
                        {t.who}
                        <span className="sr-only">: {skipReasonText(locale, r, rules)}</span>
                      </Link>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="mt-3 text-sm">
              <a href={`${basePath}/skipped.csv?${query}`} className="text-brand-700 underline" download>
                {t.csv} ({n(skippedTotal)})
              </a>
            </p>
          </>
        )}
      </Card>
      {list && (
        <Card aria-labelledby="skipped-list">
          <CardTitle>
            <span id="skipped-list">
              {fill(t.listTitle, { reason: skipReasonText(locale, list.reason, rules) })}
            </span>
          </CardTitle>
          {list.rows.length === 0 ? (
            <EmptyState>{t.noneSkipped}</EmptyState>
          ) : (
            <Table label={fill(t.listTitle, { reason: skipReasonText(locale, list.reason, rules) })}>
              <thead>
                <tr>
                  <Th>{t.listCols.contact}</Th>
                  <Th>{t.listCols.company}</Th>
                </tr>
              </thead>
              <tbody data-testid="skipped-rows">
                {list.rows.map((r) => (
                  <tr key={r.contactId}>
                    <Td>
                      {r.name && <span className="block font-medium text-zinc-900">{r.name}</span>}
                      <span className="block break-all text-zinc-600">{r.email}</span>
                    </Td>
                    <Td>{r.companyName ?? '–'}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            {list.after && (
              <Link href={reasonHref(list.reason)} className="text-brand-700 underline">
                {t.first}
              </Link>
            )}
            {list.next && (
              <Link href={reasonHref(list.reason, list.next)} className="text-brand-700 underline">
                {fill(t.next, { count: n(50) })}
              </Link>
            )}
          </p>
        </Card>
      )}
    </>
  );
}
