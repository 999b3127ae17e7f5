import { publicRoute } from '@/lib/http/route';
import { htmlResponse, respondentLocale, surveyPath } from '@/lib/responses/http';
import { loadUnsubscribeView, unsubscribe } from '@/lib/responses/public';
import { notFoundPage, unsubscribePage } from '@/lib/responses/page';
import { AppError } from '@/lib/errors';

type P = { token: string };

const action = (token: string) => `${surveyPath(token)}/unsubscribe`;

/**
 * The unsubscribe page: asks to confirm (a GET never writes). One lookup, which, like unsubscribe(),
 * still finds an invitation whose survey link expired: the footer link of an old mail keeps working.
 */
export const GET = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  const view = await loadUnsubscribeView(params.token);
  if (!view) return htmlResponse(notFoundPage(respondentLocale(req)), 404);
  return htmlResponse(unsubscribePage(view, action(params.token)), 200);
});

/**
 * Unsubscribes: the page's button, and RFC 8058 one-click (a mail client POSTs
 * "List-Unsubscribe=One-Click" with no Origin and no cookies). unsubscribe() does the lookup itself
 * (and decides which tokens may still unsubscribe, e.g. after the survey link expired); its view
 * renders the page. The body is never read.
 */
export const POST = publicRoute<P>({ checkOrigin: false }, async ({ req, params }) => {
  try {
    const view = await unsubscribe(params.token);
    return htmlResponse(unsubscribePage(view, action(params.token)), 200);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return htmlResponse(notFoundPage(respondentLocale(req)), 404);
    throw err;
  }
});
