import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InvitationTable } from '@/components/surveys/invitation-table';
import { SendProgressView } from '@/components/surveys/send-progress';
import { Card, CardTitle, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import {
  distributionInvitations,
  INVITATIONS_PAGE_SIZE,
  listDistributions,
} from '@/lib/distribution/distribute';
import { reminderStats } from '@/lib/distribution/reminders';
import { guardPage } from '@/lib/http/guard';
import { orNotFound } from '@/lib/http/not-found';
import { fill, formatDate, formatNumber, messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { loadSurvey } from '../../load';
import { pauseSendAction, resumeSendAction } from './actions';

export default async function SendDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; distributionId: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
}) {
  const ctx = await guardPage('survey.manage');
  const { id, distributionId } = await params;
  const sp = await searchParams;
  const after = typeof sp.after === 'string' ? sp.after : undefined;
  const survey = await loadSurvey(ctx, id);
  // The send must belong to this survey (of this tenant): anything else is the same 404 as a missing one.
  const [tenant, sends] = await Promise.all([
    getTenant(ctx),
    orNotFound(listDistributions(ctx, survey.id, { distributionId })),
  ]);
  const send = sends[0];
  if (!send) notFound();
  const [page, reminders] = await Promise.all([
    distributionInvitations(ctx, send.id, { after }),
    reminderStats(ctx, survey.id),
  ]);
  const r = reminders.bySend.get(send.id) ?? { sent: 0, answeredAfter: 0, planned: 0 };
  const n = (v: number) => formatNumber(v, ctx.locale);
  const t = messages(ctx.locale).surveys.sendDetail;
  const date = formatDate(send.createdAt, ctx.locale, tenant.timeZone, true);
  const base = `/surveys/${survey.id}/sends/${send.id}`;
  const canSend = can(ctx.role, 'distribution.send');

  return (
    <>
      <Link href={`/surveys/${survey.id}`} className="mb-3 inline-block text-sm text-brand-700 underline">
        ← {fill(t.back, { name: survey.name })}
      </Link>
      <PageHeader title={fill(t.title, { date })} description={t.description} />
      <div className="space-y-6">
        <Card aria-labelledby="progress-title">
          <CardTitle>
            <span id="progress-title">{t.progress.title}</span>
          </CardTitle>
          <SendProgressView
            key={send.status}
            initial={{
              status: send.status,
              prepared: send.prepared,
              plannedTotal: send.plannedTotal,
              plannedInvite: send.plannedInvite,
              queued: send.queued,
              sent: send.sent,
              failed: send.failed,
              skipped: send.skipped,
              done: send.done,
            }}
            url={`${base}/progress`}
            locale={ctx.locale}
            labels={t.progress}
            pause={pauseSendAction}
            resume={resumeSendAction}
            ids={{ surveyId: survey.id, distributionId: send.id }}
            canControl={canSend}
          />
        </Card>
        <Card>
          <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600">
            <span>
              {fill(t.count, {
                count: formatNumber(send.queued + send.sent + send.failed + send.skipped, ctx.locale),
              })}
            </span>
            {send.by && <span>{fill(t.by, { name: send.by })}</span>}
            <span data-testid="send-reminders">
              {fill(messages(ctx.locale).surveys.reminders.summary, {
                sent: n(r.sent),
                answered: n(r.answeredAfter),
                planned: n(r.planned),
              })}
            </span>
          </p>
          {page.rows.length === 0 ? (
            <EmptyState>{t.empty}</EmptyState>
          ) : (
            <InvitationTable locale={ctx.locale} timeZone={tenant.timeZone} rules={tenant} rows={page.rows} />
          )}
          <p className="mt-3 flex flex-wrap gap-4 text-sm">
            {after && (
              <Link href={base} className="text-brand-700 underline">
                {t.firstPage}
              </Link>
            )}
            {page.next && (
              <Link href={`${base}?after=${page.next}`} className="text-brand-700 underline">
                {fill(t.more, { count: formatNumber(INVITATIONS_PAGE_SIZE, ctx.locale) })}
              </Link>
            )}
          </p>
        </Card>
      </div>
    </>
  );
}
