import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmSend } from '@/components/surveys/confirm-send';
import { SkipPreview } from '@/components/surveys/skip-preview';
import { Card, CardTitle, Notice, PageHeader } from '@/components/ui/card';
import { SKIP_REASONS, type TSkipReason } from '@/lib/distribution/fatigue';
import { previewSend, skippedPage } from '@/lib/distribution/preview';
import { AppError } from '@/lib/errors';
import { guardPage } from '@/lib/http/guard';
import { fill, messages } from '@/lib/i18n';
import { getTenant } from '@/lib/tenancy/service';
import { confirmSend } from '../actions';
import { loadSurvey } from '../load';
import { audienceFromParams, audienceQuery } from './audience';

/** A malformed id in the URL is the same 404 as a foreign one. */
async function orNotFoundOnBadInput<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'BAD_REQUEST')) notFound();
    throw err;
  }
}

/**
 * The skip preview of a send: how many contacts will be invited, per reason how many are skipped and
 * who (a page at a time, and all of them as CSV), then the confirmation. Nothing is sent before it.
 */
export default async function SendPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await guardPage('distribution.send');
  const { id } = await params;
  const sp = await searchParams;
  const survey = await loadSurvey(ctx, id);
  const m = messages(ctx.locale);
  const t = m.surveys.sendPreview;
  const back = (
    <Link href={`/surveys/${survey.id}`} className="mb-3 inline-block text-sm text-brand-700 underline">
      ← {fill(t.back, { name: survey.name })}
    </Link>
  );
  const audience = audienceFromParams(sp);
  if (!audience) {
    return (
      <>
        {back}
        <PageHeader title={t.title} description={t.description} />
        <Notice tone="error">{t.pickAudience}</Notice>
      </>
    );
  }
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const reasonParam = first(sp.reason);
  const reason = SKIP_REASONS.includes(reasonParam as TSkipReason) ? (reasonParam as TSkipReason) : null;
  const after = first(sp.after);
  const input = { surveyId: survey.id, audience };
  const [tenant, preview, page] = await Promise.all([
    getTenant(ctx),
    orNotFoundOnBadInput(previewSend(ctx, input)),
    reason ? orNotFoundOnBadInput(skippedPage(ctx, { ...input, reason, after })) : Promise.resolve(null),
  ]);
  const query = audienceQuery(audience).toString();

  return (
    <>
      {back}
      <PageHeader title={t.title} description={t.description} />
      <div className="space-y-6">
        {first(sp.changed) === '1' && <Notice tone="error">{t.changed}</Notice>}
        <SkipPreview
          locale={ctx.locale}
          basePath={`/surveys/${survey.id}/send`}
          query={query}
          audience={audience}
          preview={preview}
          rules={tenant}
          list={reason && page ? { reason, after: after ?? null, ...page } : null}
        />
        <Card aria-labelledby="confirm-title">
          <CardTitle>
            <span id="confirm-title">{t.confirmTitle}</span>
          </CardTitle>
          {survey.status !== 'ACTIVE' ? (
            <Notice>{m.surveys.send.notActive[survey.status]}</Notice>
          ) : preview.invite === 0 ? (
            <Notice>{t.nobody}</Notice>
          ) : (
            <ConfirmSend
              action={confirmSend}
              surveyId={survey.id}
              audience={audience}
              invite={preview.invite}
              locale={ctx.locale}
            />
          )}
          <p className="mt-4 text-sm">
            <Link href={`/surveys/${survey.id}#send-title`} className="text-brand-700 underline">
              {t.change}
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
