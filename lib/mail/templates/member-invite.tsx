import { fill, messages, type TLocale } from '../../i18n';
import { Action, MailLayout, P, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface MemberInviteMailInput {
  inviter: string;
  tenant: string;
  /** The role's name in the invitee's language. */
  role: string;
  url: string;
}

function MemberInvite(props: { locale: TLocale; v: MemberInviteMailInput; variant: TVariant }) {
  const { locale, v, variant } = props;
  const m = messages(locale).mail;
  const intro = fill(m.memberInvite.intro, { ...v });
  return (
    <MailLayout lang={locale} preview={intro} footer={fill(m.footer, { sender: v.tenant })}>
      <P>{intro}</P>
      <Action v={variant} href={v.url} label={m.memberInvite.button} />
    </MailLayout>
  );
}

/** The mail to a new member of an organisation. */
export function memberInviteMail(locale: TLocale, v: MemberInviteMailInput): Promise<RenderedMail> {
  return renderMail(fill(messages(locale).mail.memberInvite.subject, { ...v }), (variant) => (
    <MemberInvite locale={locale} v={v} variant={variant} />
  ));
}
