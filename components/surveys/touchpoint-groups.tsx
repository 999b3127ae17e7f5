import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fill, formatNumber, messages, type TLocale } from '@/lib/i18n';
import { groupByPhase } from './phase';
import { SurveyStatusBadge, type TSurveyStatus } from './status-badge';

export interface TouchpointRow {
  id: string;
  name: string;
  phase: 'SALES' | 'IMPLEMENTATION' | 'GO_LIVE' | 'ACCOUNT_MANAGEMENT' | 'SUPPORT' | 'CUSTOM';
  customPhase: string | null;
  description: string | null;
  /** A relationship touchpoint's cadence; null for an event touchpoint. */
  cadenceMonths: number | null;
  surveys: { id: string; name: string; status: TSurveyStatus; sent: number; responses: number }[];
}

/** The program at a glance: phases in journey order, their touchpoints, and each touchpoint's surveys. */
export function TouchpointGroups({
  locale,
  touchpoints,
  canManage,
}: {
  locale: TLocale;
  touchpoints: TouchpointRow[];
  canManage: boolean;
}) {
  const t = messages(locale).surveys;
  return (
    <div className="space-y-8">
      {groupByPhase(touchpoints, locale).map((g) => (
        <section key={g.key} aria-labelledby={`phase-${g.key}`}>
          <h2
            id={`phase-${g.key}`}
            className="mb-3 text-sm font-semibold uppercase tracking-wide text-zinc-500"
          >
            {g.title}
          </h2>
          <div className="space-y-4">
            {g.items.map((tp) => (
              <Card key={tp.id} aria-labelledby={`tp-${tp.id}`}>
                <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <h3 id={`tp-${tp.id}`} className="font-semibold text-zinc-900">
                      {tp.name}
                    </h3>
                    {tp.description && <p className="mt-1 text-sm text-zinc-600">{tp.description}</p>}
                    {tp.cadenceMonths !== null && (
                      <p className="mt-1 text-sm text-zinc-700">
                        {fill(t.relationship.badge, { count: formatNumber(tp.cadenceMonths, locale) })}
                        {' · '}
                        <Link href={`/surveys/relationship/${tp.id}`} className="text-brand-700 underline">
                          {t.relationship.outlook}
                          <span className="sr-only">: {tp.name}</span>
                        </Link>
                      </p>
                    )}
                  </div>
                  {canManage && (
                    <Link
                      href={`/surveys?touchpoint=${tp.id}#add-survey`}
                      aria-label={fill(t.list.addSurveyTo, { name: tp.name })}
                      className="text-sm font-medium text-brand-700 underline"
                    >
                      {t.list.addSurveyHere}
                    </Link>
                  )}
                </div>
                {tp.surveys.length === 0 ? (
                  <EmptyState>{t.list.noSurveys}</EmptyState>
                ) : (
                  <Table className="min-w-[18rem]" label={tp.name}>
                    <thead>
                      <tr>
                        <Th>{t.list.cols.name}</Th>
                        <Th>{t.list.cols.status}</Th>
                        <Th className="text-right">{t.list.cols.sent}</Th>
                        <Th className="text-right">{t.list.cols.responses}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {tp.surveys.map((s) => (
                        <tr key={s.id} className="hover:bg-zinc-50">
                          <Td>
                            <Link href={`/surveys/${s.id}`} className="font-medium text-brand-700 underline">
                              {s.name}
                            </Link>
                          </Td>
                          <Td>
                            <SurveyStatusBadge status={s.status} label={t.status[s.status]} />
                          </Td>
                          <Td className="text-right tabular-nums">{formatNumber(s.sent, locale)}</Td>
                          <Td className="text-right tabular-nums">{formatNumber(s.responses, locale)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </Card>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
