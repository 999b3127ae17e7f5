import Link from 'next/link';
import { Card, CardTitle, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatDate, formatNumber, messages, type TLocale } from '@/lib/i18n';
import type { AccountRow } from '@/lib/insights/accounts';
import { formatNps, summarize } from '@/lib/nps';
import { MiniSplit } from './category-split';
import { moneyText } from './format';

const SHOWN = 50;

/** A ranked list of accounts (at risk, or references to ask), the first 50 of them. */
export function AccountsTable({
  id,
  title,
  empty,
  rows,
  timeZone,
  locale,
}: {
  id: string;
  title: string;
  empty: string;
  rows: AccountRow[];
  timeZone: string;
  locale: TLocale;
}) {
  const t = messages(locale).insights.accounts;
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardTitle>
        <span id={`${id}-title`}>{title}</span>
      </CardTitle>
      {rows.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <Table className="min-w-[44rem]" label={title}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <Th>{t.company}</Th>
                <Th className="text-right">{t.revenue}</Th>
                <Th className="text-right">{t.nps}</Th>
                <Th className="text-right">{t.n}</Th>
                <Th>{messages(locale).insights.company.lead}</Th>
                <Th>{t.owner}</Th>
                <Th className="text-right">{t.openTasks}</Th>
                <Th>{t.lastAnswer}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((r) => (
                <tr key={r.id}>
                  <Th scope="row" className="border-zinc-100 text-sm font-medium normal-case text-zinc-900">
                    <Link href={`/accounts/${r.id}`} className="text-brand-700 underline">
                      {r.name}
                    </Link>
                  </Th>
                  <Td className="text-right tabular-nums">{moneyText(r.revenue, locale)}</Td>
                  <Td className="text-right font-semibold tabular-nums">{formatNps(r.nps)}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(r.n, locale)}</Td>
                  <Td className="align-middle">
                    <MiniSplit summary={summarize(r)} locale={locale} />
                  </Td>
                  <Td>{r.owner ?? t.none}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(r.openTasks, locale)}</Td>
                  <Td className="whitespace-nowrap">{formatDate(r.lastAnswerAt, locale, timeZone)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {rows.length > SHOWN && (
            <p className="mt-2 text-xs text-zinc-600">
              {fill(t.more, { shown: formatNumber(SHOWN, locale), count: formatNumber(rows.length, locale) })}
            </p>
          )}
        </>
      )}
    </Card>
  );
}
