import {
  answerAllowed,
  declaresTooLarge,
  htmlResponse,
  readForm,
  respondentLocale,
  surveyPath,
} from '@/lib/responses/http';
import { publicRoute } from '@/lib/http/route';
import { loadSurvey, lookupInvitation, recordAnswer, surveyViewOf } from '@/lib/responses/public';
import {
  notFoundPage,
  surveyPage,
  thanksPage,
  tooLargePage,
  type TAnswerProblem,
} from '@/lib/responses/page';
import { ZSubmitAnswer } from '@/lib/responses/schemas';
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

/** The fields a refused answer was refused for; unknown fields count as the score. */
function problemsOf(fields: Iterable<unknown>): TAnswerProblem[] {
  const problems = new Set<TAnswerProblem>();
  for (const f of fields) problems.add(f === 'comment' ? 'comment' : 'score');
  return problems.size ? [...problems] : ['score'];
}

/**
 * Records the answer (one response per invitation; sending again updates it), then thanks.
 * Cheap checks first: the declared size, then the token (an unknown token never has its body read),
 * then the body (at most MAX_FORM_BYTES), the rate limits and the form. A refused answer re-renders
 * the form with what the respondent typed and a message per problem.
 */
export const POST = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  if (declaresTooLarge(req)) return htmlResponse(tooLargePage(respondentLocale(req)), 413);
  // One lookup serves the whole request: the page on refusal and the write.
  const found = await lookupInvitation(params.token);
  if (!found) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
  const view = surveyViewOf(found);
  const form = await readForm(req);
  if (!form) return htmlResponse(tooLargePage(view.locale), 413);

  const action = surveyPath(params.token);
  const typed = { score: form.score, comment: form.comment };
  const refused = (problems: TAnswerProblem[], status: number) =>
    htmlResponse(surveyPage(view, { action, typed, problems }), status);

  if (!(await answerAllowed(params.token, req.headers))) return refused(['tooMany'], 429);
  // The comment stays tri-state: absent keeps the stored one, '' (an emptied textarea) clears it.
  const parsed = ZSubmitAnswer.safeParse(typed);
  if (!parsed.success) return refused(problemsOf(parsed.error.issues.map((i) => i.path[0])), 400);
  try {
    const { view: after } = await recordAnswer(found, parsed.data);
    return htmlResponse(thanksPage(after, action), 200);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'NOT_FOUND') return htmlResponse(notFoundPage(respondentLocale(req)), 404);
    const fields = (err.details as { fields?: Record<string, string> } | undefined)?.fields ?? {};
    return refused(problemsOf(Object.keys(fields)), err.status);
  }
});
