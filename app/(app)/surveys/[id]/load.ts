import { orNotFound } from '@/lib/http/not-found';
import { getSurvey } from '@/lib/surveys/service';
import type { TenantContext } from '@/lib/tenancy/context';

/** Loads the survey for a page; a missing or foreign id is the same 404. */
export function loadSurvey(ctx: TenantContext, id: string) {
  return orNotFound(getSurvey(ctx, id));
}
