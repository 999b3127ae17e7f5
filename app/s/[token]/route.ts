import { respondentLocale, htmlResponse, readForm, surveyPath } from '@/lib/responses/http';
import { publicRoute } from '@/lib/http/route';
import { clientIp, rateLimit } from '@/lib/http/rate-limit';
import { messages } from '@/lib/i18n';
import { loadSurvey, submitAnswer } from '@/lib/responses/public';
import { messagePage, notFoundPage, surveyPage, thanksPage } from '@/lib/responses/page';
import { AppError } from '@/lib/errors';

type P = { token: string };

/** Opens the survey, with ?score=N preselected. Never writes: mail scanners open every link. */
export const GET = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  const view = await loadSurvey(params.token);
  if (!view) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
  const raw = req.nextUrl.searchParams.get('score');
  const score = raw !== null && /^(10|[0-9])$/.test(raw) ? Number(raw) : undefined;
  return htmlResponse(surveyPage(view, { score, action: surveyPath(params.token) }), 200);
});

/** Records the answer (one response per invitation; sending again updates it), then thanks. */
export const POST = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  if (!(await rateLimit(`answer:${clientIp(req.headers)}`, 60, 60))) {
    const locale = respondentLocale(req);
    const t = messages(locale).respondent;
    return htmlResponse(messagePage(locale, t.title, t.tooMany), 429);
  }
  const form = await readForm(req);
  try {
    const { view } = await submitAnswer(params.token, { score: form.score as never, comment: form.comment });
    return htmlResponse(thanksPage(view, surveyPath(params.token)), 200);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'NOT_FOUND') return htmlResponse(notFoundPage(respondentLocale(req)), 404);
    const view = await loadSurvey(params.token);
    if (!view) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
    const error = messages(view.locale).respondent.invalid;
    return htmlResponse(surveyPage(view, { error, action: surveyPath(params.token) }), err.status);
  }
});
