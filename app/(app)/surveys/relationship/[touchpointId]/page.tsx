import Link from 'next/link';
import { Card, CardTitle, EmptyState, Notice, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { relationshipOutlook } from '@/lib/distribution/relationship';
import { guardPage } from '@/lib/http/guard';
import { orNotFound } from '@/lib/http/not-found';
import { fill, formatNumber, messages } from '@/lib/i18n';

/** A relationship touchpoint's cycle, and who is due in the next seven days. */
export default async function RelationshipPage({ params }: { params: Promise<{ touchpointId: string }> }) {
  const ctx = await guardPage('survey.manage');
  const { touchpointId } = await params;
  const o = await orNotFound(relationshipOutlook(ctx, touchpointId));
  const t = messages(ctx.locale).surveys.relationship;
  const n = (v: number) => formatNumber(v, ctx.locale);
  const figures: [string, number, string][] = [
    [t.surveyed, o.surveyed, 'surveyed'],
    [t.due, o.due, 'due'],
    [t.week, o.week, 'week'],
  ];
  return (
    <>
      <Link href="/surveys" className="mb-3 inline-block text-sm text-brand-700 underline">
        ← {t.back}
      </Link>
      <PageHeader title={fill(t.title, { name: o.touchpoint.name })} description={t.description} />
      <div className="space-y-6">
        {!o.survey && <Notice tone="error">{t.noSurvey}</Notice>}
        <Card aria-labelledby="cycle-title">
          <CardTitle>
            <span id="cycle-title">{fill(t.badge, { count: n(o.touchpoint.cadenceMonths) })}</span>
          </CardTitle>
          <p className="mb-4 text-sm text-zinc-600">
            {fill(t.cycle, { days: n(o.cycle.days), remaining: n(o.cycle.remaining) })}
          </p>
          <dl className="grid gap-3 sm:grid-cols-3">
            {figures.map(([label, v, key]) => (
              <div key={key} className="rounded-md border border-zinc-200 p-3">
                <dt className="text-sm text-zinc-600">{label}</dt>
                <dd className="text-2xl font-semibold tabular-nums" data-testid={`relationship-${key}`}>
                  {n(v)}
                </dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card aria-labelledby="week-title">
          <CardTitle>
            <span id="week-title">{t.weekList}</span>
          </CardTitle>
          <p className="mb-3 text-sm text-zinc-600">{t.rulesNote}</p>
          {o.rows.length === 0 ? (
            <EmptyState>{t.nobody}</EmptyState>
          ) : (
            <>
              <Table label={t.weekList}>
                <thead>
                  <tr>
                    <Th>{t.cols.contact}</Th>
                    <Th>{t.cols.company}</Th>
                  </tr>
                </thead>
                <tbody>
                  {o.rows.map((r) => (
                    <tr key={r.id}>
                      <Td>
                        {r.name && <span className="block font-medium text-zinc-900">{r.name}</span>}
                        <span className="block break-all text-zinc-600">{r.email}</span>
                      </Td>
                      <Td>{r.company}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {o.week > o.rows.length && (
                <p className="mt-2 text-xs text-zinc-500">
                  {fill(t.weekListMore, { shown: n(o.rows.length), count: n(o.week) })}
                </p>
              )}
            </>
          )}
        </Card>
      </div>
    </>
  );
}
