import { fill, messages, type TLocale } from '../../i18n';
import { MailLayout, P } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface CustomerReplyMailInput {
  locale: TLocale;
  subject: string;
  /** The text the account manager wrote (paragraphs separated by blank lines). */
  body: string;
  /** The organisation's sender name, in the footer. */
  sender: string;
}

function CustomerReply({ v }: { v: CustomerReplyMailInput }) {
  const paragraphs = v.body.split(/\n{2,}/);
  return (
    <MailLayout
      lang={v.locale}
      preview={paragraphs[0]}
      footer={fill(messages(v.locale).mail.footer, { sender: v.sender })}
    >
      {paragraphs.map((p, i) => (
        <P key={i}>
          {p.split('\n').map((line, k) => (
            <span key={k}>
              {k > 0 && <br />}
              {line}
            </span>
          ))}
        </P>
      ))}
    </MailLayout>
  );
}

/** The account manager's answer to the customer, exactly as edited, in the customer's language. */
export function customerReplyMail(v: CustomerReplyMailInput): Promise<RenderedMail> {
  return renderMail(v.subject, () => <CustomerReply v={v} />);
}
