import { fill, messages, type TLocale } from '../i18n';
import { button, layout, paragraph } from './layout';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export function magicLinkMail(locale: TLocale, url: string): RenderedMail {
  const m = messages(locale).mail;
  const body =
    paragraph(m.magicLink.intro) +
    `<p style="margin:0 0 16px">${button(url, m.magicLink.button)}</p>` +
    paragraph(m.magicLink.ignore, 'color:#71717a;font-size:13px');
  return {
    subject: m.magicLink.subject,
    html: layout(locale, body, fill(m.footer, { sender: 'Kringloop' })),
    text: `${m.magicLink.intro}\n\n${url}\n\n${m.magicLink.ignore}\n`,
  };
}

export function memberInviteMail(
  locale: TLocale,
  v: { inviter: string; tenant: string; role: string; url: string },
): RenderedMail {
  const m = messages(locale).mail;
  const intro = fill(m.memberInvite.intro, v);
  return {
    subject: fill(m.memberInvite.subject, v),
    html: layout(
      locale,
      paragraph(intro) + `<p>${button(v.url, m.memberInvite.button)}</p>`,
      fill(m.footer, { sender: v.tenant }),
    ),
    text: `${intro}\n\n${m.memberInvite.button}: ${v.url}\n`,
  };
}
