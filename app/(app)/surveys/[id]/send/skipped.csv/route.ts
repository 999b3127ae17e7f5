import { SKIP_REASONS } from '@/lib/distribution/fatigue';
import { writeSkippedCsv } from '@/lib/distribution/preview';
import { tenantRoute } from '@/lib/http/route';
import { messages } from '@/lib/i18n';
import { AppError } from '@/lib/errors';
import { skipReasonText } from '@/components/surveys/skip-reason';
import { getSurvey } from '@/lib/surveys/service';
import { getTenant } from '@/lib/tenancy/service';
import { audienceFromParams, searchParamsOf } from '../audience';

/**
 * The skipped contacts of a send's preview as CSV, streamed from a database cursor (a large audience
 * never sits in memory). Same audience parameters as the preview page.
 */
export const GET = tenantRoute<{ id: string }>('distribution.send', async ({ req, params, ctx, log }) => {
  // Another organisation's (or a missing) survey is a 404 before anything about the request is judged.
  await getSurvey(ctx, params.id);
  const audience = audienceFromParams(searchParamsOf(req.nextUrl));
  const t = messages(ctx.locale).surveys.sendPreview;
  if (!audience) throw new AppError('BAD_REQUEST', t.pickAudience, { fields: { audience: t.pickAudience } });
  const tenant = await getTenant(ctx);
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const enc = new TextEncoder();
  const h = t.csvHeader;
  const reasons = Object.fromEntries(
    SKIP_REASONS.map((r) => [r, skipReasonText(ctx.locale, r, tenant)]),
  ) as Parameters<typeof writeSkippedCsv>[3]['reason'];
  // Start the query before answering, so a bad audience is still a 400 rather than a broken download.
  let started: () => void;
  const ready = new Promise<void>((r) => (started = r));
  const done = writeSkippedCsv(
    ctx,
    { surveyId: params.id, audience },
    async (chunk) => {
      started();
      await writer.write(enc.encode(chunk));
    },
    { header: [h.reason, h.email, h.name, h.company], reason: reasons },
  )
    .then(() => writer.close())
    .catch(async (err) => {
      log.error({ err }, 'skipped CSV failed');
      await writer.abort(err);
      throw err;
    });
  await Promise.race([ready, done]);
  void done.catch(() => undefined);
  return new Response(readable, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="skipped-${params.id.slice(0, 8)}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
