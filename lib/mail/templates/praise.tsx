import { fill, messages, type TLocale } from '../../i18n';
import { Action, MailLayout, P, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface PraiseMailInput {
  locale: TLocale;
  tenant: string;
  sharer: string;
  contact: string;
  company: string;
  score: number;
  comment: string;
  note: string | null;
  taskUrl: string;
}

function Praise({ v, variant }: { v: PraiseMailInput; variant: TVariant }) {
  const t = messages(v.locale);
  const m = t.reply.mail;
  const intro = fill(m.praiseIntro, {
    sharer: v.sharer,
    contact: v.contact,
    company: v.company,
    score: v.score,
  });
  return (
    <MailLayout lang={v.locale} preview={intro} footer={fill(t.mail.footer, { sender: v.tenant })}>
      <P>{intro}</P>
      <P style={{ fontStyle: 'italic' }}>“{v.comment}”</P>
      {v.note && (
        <>
          <P>{fill(m.praiseNote, { sharer: v.sharer })}</P>
          <P>{v.note}</P>
        </>
      )}
      <Action v={variant} href={v.taskUrl} label={m.praiseButton} />
    </MailLayout>
  );
}

/** A promoter's compliment, shared with the colleagues who earned it. */
export function praiseMail(v: PraiseMailInput): Promise<RenderedMail> {
  return renderMail(fill(messages(v.locale).reply.mail.praiseSubject, { company: v.company }), (variant) => (
    <Praise v={v} variant={variant} />
  ));
}
