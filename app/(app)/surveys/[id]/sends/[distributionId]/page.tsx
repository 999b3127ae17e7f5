import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InvitationTable } from '@/components/surveys/invitation-table';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { distributionInvitations, listDistributions } from '@/lib/distribution/distribute';
import { reminderStats } from '@/lib/distribution/reminders';
import { guardPage } from '@/lib/http/guard';
import { orNotFound } from '@/lib/http/not-found';
import { fill, formatDate, formatNumber, messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { loadSurvey } from '../../load';

export default async function SendDetailPage({
  params,
}: {
  params: Promise<{ id: string; distributionId: string }>;
}) {
  const ctx = await guardPage('survey.manage');
  const { id, distributionId } = await params;
  const survey = await loadSurvey(ctx, id);
  // The send must belong to this survey (of this tenant): anything else is the same 404 as a missing one.
  const [tenant, sends] = await Promise.all([
    getTenant(ctx),
    orNotFound(listDistributions(ctx, survey.id, { distributionId })),
  ]);
  const send = sends[0];
  if (!send) notFound();
  const [invitations, reminders] = await Promise.all([
    distributionInvitations(ctx, send.id),
    reminderStats(ctx, survey.id),
  ]);
  const r = reminders.bySend.get(send.id) ?? { sent: 0, answeredAfter: 0, planned: 0 };
  const t = messages(ctx.locale).surveys.sendDetail;
  const n = (v: number) => formatNumber(v, ctx.locale);
  const date = formatDate(send.createdAt, ctx.locale, tenant.timeZone, true);

  return (
    <>
      <Link href={`/surveys/${survey.id}`} className="mb-3 inline-block text-sm text-brand-700 underline">
        ← {fill(t.back, { name: survey.name })}
      </Link>
      <PageHeader title={fill(t.title, { date })} description={t.description} />
      <Card>
        <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600">
          <span>{fill(t.count, { count: formatNumber(invitations.length, ctx.locale) })}</span>
          {send.by && <span>{fill(t.by, { name: send.by })}</span>}
          <span data-testid="send-reminders">
            {fill(messages(ctx.locale).surveys.reminders.summary, {
              sent: n(r.sent),
              answered: n(r.answeredAfter),
              planned: n(r.planned),
            })}
          </span>
        </p>
        {invitations.length === 0 ? (
          <EmptyState>{t.empty}</EmptyState>
        ) : (
          <InvitationTable
            locale={ctx.locale}
            timeZone={tenant.timeZone}
            throttleDays={tenant.throttleDays}
            rows={invitations}
          />
        )}
      </Card>
    </>
  );
}
