import { fill, messages, type TLocale } from '../../i18n';
import { Action, MailLayout, P, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

function MagicLink({ locale, url, variant }: { locale: TLocale; url: string; variant: TVariant }) {
  const m = messages(locale).mail;
  return (
    <MailLayout lang={locale} preview={m.magicLink.intro} footer={fill(m.footer, { sender: 'Kringloop' })}>
      <P>{m.magicLink.intro}</P>
      <Action v={variant} href={url} label={m.magicLink.button} />
      <P style={{ color: '#71717a', fontSize: 13 }}>{m.magicLink.ignore}</P>
    </MailLayout>
  );
}

/** The sign-in (magic link) mail. */
export function magicLinkMail(locale: TLocale, url: string): Promise<RenderedMail> {
  return renderMail(messages(locale).mail.magicLink.subject, (variant) => (
    <MagicLink locale={locale} url={url} variant={variant} />
  ));
}
