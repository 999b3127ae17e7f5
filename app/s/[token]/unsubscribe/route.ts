import { publicRoute } from '@/lib/http/route';
import { htmlResponse, respondentLocale, surveyPath } from '@/lib/responses/http';
import { loadSurvey, unsubscribe } from '@/lib/responses/public';
import { notFoundPage, unsubscribePage } from '@/lib/responses/page';

type P = { token: string };

/** The unsubscribe page: asks to confirm (a GET never writes). */
export const GET = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  const view = await loadSurvey(params.token);
  if (!view) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
  return htmlResponse(unsubscribePage(view, `${surveyPath(params.token)}/unsubscribe`), 200);
});

/**
 * Unsubscribes: the page's button, and RFC 8058 one-click (a mail client POSTs
 * "List-Unsubscribe=One-Click" with no Origin and no cookies).
 */
export const POST = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  const view = await loadSurvey(params.token);
  if (!view) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
  const after = await unsubscribe(params.token);
  return htmlResponse(unsubscribePage(after, `${surveyPath(params.token)}/unsubscribe`), 200);
});
