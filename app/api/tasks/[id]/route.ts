import { NextResponse } from 'next/server';
import { tenantRoute } from '@/lib/http/route';
import { getTask, setTaskStatus } from '@/lib/followup/tasks';
import { badRequest } from '@/lib/errors';

type P = { id: string };

/** A follow-up task as JSON (integrations, and the HTTP tenant-isolation tests). */
export const GET = tenantRoute<P>('task.read.own', async ({ ctx, params }) => {
  const t = await getTask(ctx, params.id);
  return NextResponse.json({
    id: t.id,
    status: t.status,
    category: t.category,
    dueAt: t.dueAt,
    score: t.response.score,
    comment: t.response.comment,
    company: t.company?.name ?? null,
  });
});

/** Changes the status: {"status": "OPEN" | "IN_PROGRESS" | "DONE"}. */
export const PATCH = tenantRoute<P>('task.work', async ({ ctx, params, req }) => {
  const body: unknown = await req.json().catch(() => {
    throw badRequest('Body must be JSON');
  });
  const t = await setTaskStatus(ctx, params.id, body as { status: string });
  return NextResponse.json({ id: t.id, status: t.status });
});
