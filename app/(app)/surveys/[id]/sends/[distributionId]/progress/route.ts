import { NextResponse } from 'next/server';
import { listDistributions } from '@/lib/distribution/distribute';
import { notFound } from '@/lib/errors';
import { tenantRoute } from '@/lib/http/route';

/** The progress of one send as small JSON, polled by its page (components/surveys/send-progress.tsx). */
export const GET = tenantRoute<{ id: string; distributionId: string }>(
  'survey.read',
  async ({ params, ctx }) => {
    const [p] = await listDistributions(ctx, params.id, { distributionId: params.distributionId });
    if (!p) throw notFound();
    const { status, prepared, plannedTotal, plannedInvite, queued, sent, failed, skipped, done } = p;
    return NextResponse.json(
      { status, prepared, plannedTotal, plannedInvite, queued, sent, failed, skipped, done },
      { headers: { 'cache-control': 'no-store' } },
    );
  },
);
