import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getSurvey } from '@/lib/surveys/service';
import type { TenantContext } from '@/lib/tenancy/context';

/** Loads the survey for a page; a missing or foreign id is the same 404. */
export async function loadSurvey(ctx: TenantContext, id: string) {
  try {
    return await getSurvey(ctx, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}
