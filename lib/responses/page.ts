import { randomBytes } from 'node:crypto';
import { fill, formatNumber, messages, type TLocale } from '../i18n';
import { categoryOf, isScore } from '../nps';
import type { SurveyView } from './public';
import { COMMENT_MAX } from './schemas';

/** Escapes text for HTML (these pages are built as strings, not React). */
function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * The respondent's pages as plain HTML: no framework JavaScript, fast on any phone, usable with
 * JavaScript off. One optional inline script (with a nonce) only swaps the follow-up question when
 * another score is tapped.
 */
export interface HtmlPage {
  html: string;
  nonce: string;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;background:#f4f4f5;color:#18181b;line-height:1.5}
main{max-width:560px;margin:0 auto;padding:20px 12px}.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h1{font-size:1.25rem;margin:0 0 16px}p{margin:0 0 12px}.muted{color:#52525b;font-size:.875rem}
.scores{display:grid;grid-template-columns:repeat(6,1fr);gap:6px;margin:0 0 6px;border:0;padding:0}
@media(min-width:480px){.scores{grid-template-columns:repeat(11,1fr)}}
.scores input{position:absolute;opacity:0;width:1px;height:1px}
.scores label{display:flex;align-items:center;justify-content:center;min-height:48px;border:2px solid #d4d4d8;border-radius:8px;font-weight:700;font-size:1.1rem;cursor:pointer;background:#fff}
.scores input:focus-visible+label{outline:3px solid #0d9488;outline-offset:2px}
.scores input:checked+label{background:#0f766e;border-color:#0f766e;color:#fff}
.scale{display:flex;justify-content:space-between;gap:8px;font-size:.75rem;color:#52525b;margin:0 0 16px}
label.q{display:block;font-weight:600;margin:8px 0 6px}textarea{width:100%;min-height:120px;font:inherit;padding:10px;border:1px solid #d4d4d8;border-radius:8px}
button{display:block;width:100%;margin-top:16px;padding:14px;border:0;border-radius:8px;background:#0f766e;color:#fff;font-size:1rem;font-weight:600;cursor:pointer}
.error{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;padding:8px 12px;border-radius:8px}
footer{margin-top:16px;text-align:center}a{color:#0f766e}legend{font-weight:600;margin-bottom:8px}`;

function page(locale: TLocale, title: string, body: string, script = ''): HtmlPage {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><main>${body}</main>${script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
  return { html, nonce };
}

/** Security headers for these pages: nothing loads from elsewhere; only our inline style and script run. */
export function pageHeaders(p: HtmlPage): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${p.nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** What was wrong with a refused answer: each gets its own message on the re-rendered form. */
export type TAnswerProblem = 'score' | 'comment' | 'tooMany';

export function surveyPage(
  v: SurveyView,
  opts: {
    action: string;
    /** ?score=N from the mail's links: preselected over the stored answer. */
    score?: number;
    /**
     * What the respondent just sent, when the answer was refused (400, 429): the form shows it as
     * typed instead of the stored answer, so nothing typed is lost. A comment that was not sent at
     * all falls back to the stored one (as submitAnswer keeps it).
     */
    typed?: { score?: string; comment?: string };
    problems?: TAnswerProblem[];
  },
): HtmlPage {
  const t = messages(v.locale).respondent;
  const problems = opts.problems ?? [];
  const typedScore = opts.typed?.score?.trim();
  const selected = opts.typed
    ? typedScore !== undefined && /^(10|[0-9])$/.test(typedScore)
      ? Number(typedScore)
      : undefined
    : isScore(opts.score)
      ? opts.score
      : v.answer?.score;
  const comment = opts.typed?.comment ?? v.answer?.comment ?? '';
  const question = (s: number | undefined) => {
    if (!isScore(s)) return t.commentLabel;
    const c = categoryOf(s);
    return c === 'PROMOTER'
      ? v.texts.followUp.promoter
      : c === 'PASSIVE'
        ? v.texts.followUp.passive
        : v.texts.followUp.detractor;
  };
  const text: Record<TAnswerProblem, string> = {
    score: t.invalid,
    comment: fill(t.commentTooLong, { max: formatNumber(COMMENT_MAX, v.locale) }),
    tooMany: t.tooMany,
  };
  const errors = [...new Set(problems)]
    .map((p) => `<p class="error" role="alert">${esc(text[p])}</p>`)
    .join('');
  const radios = Array.from({ length: 11 }, (_, s) => {
    const checked = s === selected ? ' checked' : '';
    return `<input type="radio" id="s${s}" name="score" value="${s}" required${checked} data-q="${esc(question(s))}"><label for="s${s}">${s}</label>`;
  }).join('');
  const commentInvalid = problems.includes('comment') ? ' aria-invalid="true"' : '';
  const body = `<div class="card"><form method="post" action="${esc(opts.action)}">
${errors}
${v.answer ? `<p class="muted">${esc(fill(t.answeredBefore, { score: v.answer.score }))}</p>` : ''}
<fieldset class="scores"><legend><h1 style="margin:0">${esc(v.texts.question)}</h1></legend>${radios}</fieldset>
<div class="scale"><span>${esc(t.scaleLow)}</span><span>${esc(t.scaleHigh)}</span></div>
<label class="q" for="comment" id="followup">${esc(question(selected))}</label>
<textarea id="comment" name="comment" maxlength="${COMMENT_MAX}"${commentInvalid}>${esc(comment)}</textarea>
<button type="submit">${esc(v.answer ? t.update : t.submit)}</button>
</form></div><footer class="muted">${esc(fill(t.poweredBy, { company: v.company }))}</footer>`;
  const script = `document.querySelectorAll('input[name=score]').forEach(function(r){r.addEventListener('change',function(){document.getElementById('followup').textContent=r.getAttribute('data-q')})})`;
  return page(v.locale, t.title, body, script);
}

export function thanksPage(v: SurveyView, changeUrl: string): HtmlPage {
  const t = messages(v.locale).respondent;
  const body = `<div class="card"><h1>${esc(t.thanksTitle)}</h1><p>${esc(v.texts.thankYou)}</p>
<p class="muted"><a href="${esc(changeUrl)}">${esc(t.changeAnswer)}</a></p></div>
<footer class="muted">${esc(fill(t.poweredBy, { company: v.company }))}</footer>`;
  return page(v.locale, t.thanksTitle, body);
}

export function notFoundPage(locale: TLocale): HtmlPage {
  const t = messages(locale).respondent;
  return page(
    locale,
    t.notFoundTitle,
    `<div class="card"><h1>${esc(t.notFoundTitle)}</h1><p>${esc(t.notFoundBody)}</p></div>`,
  );
}

export function messagePage(locale: TLocale, title: string, text: string): HtmlPage {
  return page(locale, title, `<div class="card"><h1>${esc(title)}</h1><p>${esc(text)}</p></div>`);
}

/** A request body over the limit (413): nothing was read, so all we can do is ask for a shorter answer. */
export function tooLargePage(locale: TLocale): HtmlPage {
  const t = messages(locale).respondent;
  return messagePage(
    locale,
    t.tooLargeTitle,
    fill(t.tooLargeBody, { max: formatNumber(COMMENT_MAX, locale) }),
  );
}

export function unsubscribePage(v: SurveyView, action: string): HtmlPage {
  const t = messages(v.locale).respondent;
  if (v.unsubscribed)
    return messagePage(v.locale, t.unsubscribedTitle, fill(t.unsubscribedBody, { company: v.company }));
  const body = `<div class="card"><h1>${esc(t.unsubscribeTitle)}</h1><p>${esc(fill(t.unsubscribeBody, { company: v.company }))}</p>
<form method="post" action="${esc(action)}"><button type="submit">${esc(t.unsubscribeButton)}</button></form></div>`;
  return page(v.locale, t.unsubscribeTitle, body);
}
