import { fill, messages, type TLocale } from '../i18n';
import { esc, layout } from '../mail/layout';
import type { RenderedMail } from '../mail/templates';
import { localizedTexts, type TSurveyTexts } from '../surveys/schemas';

export interface InvitationMailInput {
  locale: TLocale;
  texts: TSurveyTexts;
  company: string;
  contactName: string | null;
  surveyUrl: string;
  unsubscribeUrl: string;
}

const scoreColor = (s: number) => (s >= 9 ? '#15803d' : s >= 7 ? '#a16207' : '#b91c1c');

/** The invitation: the question and eleven score links, each opening the survey with that score. */
export function invitationMail(v: InvitationMailInput): RenderedMail {
  const m = messages(v.locale).mail.survey;
  const texts = localizedTexts(v.texts, v.locale, v.company);
  const greeting = v.contactName ? fill(m.greeting, { name: v.contactName }) : m.greetingNoName;
  const scoreUrl = (s: number) => `${v.surveyUrl}?score=${s}`;
  const cells = Array.from({ length: 11 }, (_, s) => {
    const style = `display:block;width:100%;padding:10px 0;border:2px solid ${scoreColor(s)};border-radius:6px;color:${scoreColor(s)};text-decoration:none;font-weight:700;font-size:16px;text-align:center`;
    return `<td style="padding:2px;width:9%"><a href="${esc(scoreUrl(s))}" style="${style}" aria-label="${s}">${s}</a></td>`;
  }).join('');
  const body = `
<p style="margin:0 0 16px;line-height:1.5">${esc(greeting)}</p>
<p style="margin:0 0 16px;line-height:1.5">${esc(m.intro)}</p>
<h1 style="font-size:18px;line-height:1.4;margin:0 0 16px">${esc(texts.question)}</h1>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${cells}</tr></table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:4px 0 20px;font-size:12px;color:#71717a"><tr>
<td align="left">${esc(m.notLikely)}</td><td align="right">${esc(m.veryLikely)}</td></tr></table>
<p style="margin:0 0 16px"><a href="${esc(v.surveyUrl)}" style="color:#0f766e">${esc(m.openSurvey)}</a></p>
<p style="margin:24px 0 0;font-size:12px;color:#71717a">${esc(fill(m.why, { company: v.company }))}
<a href="${esc(v.unsubscribeUrl)}" style="color:#71717a">${esc(m.unsubscribe)}</a></p>`;
  const text = [
    greeting,
    '',
    m.intro,
    '',
    texts.question,
    `0 = ${m.notLikely}, 10 = ${m.veryLikely}`,
    '',
    ...Array.from({ length: 11 }, (_, s) => `${s}: ${scoreUrl(s)}`),
    '',
    `${m.openSurvey}: ${v.surveyUrl}`,
    '',
    fill(m.why, { company: v.company }),
    `${m.unsubscribe}: ${v.unsubscribeUrl}`,
  ].join('\n');
  return {
    subject: fill(m.subject, { company: v.company }),
    html: layout(v.locale, body, fill(messages(v.locale).mail.footer, { sender: v.company })),
    text,
  };
}
