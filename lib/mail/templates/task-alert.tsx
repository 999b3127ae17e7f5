import { fill, messages, type TLocale } from '../../i18n';
import type { TCategory } from '../../nps';
import { Link } from '@react-email/components';
import { formatPhone } from '../../contacts/phone';
import { Action, colors, HtmlOnly, MailLayout, P, TextOnly, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface TaskAlertMailInput {
  locale: TLocale;
  /** The organisation, named in the footer. */
  tenant: string;
  category: TCategory;
  score: number;
  comment: string | null;
  company: string;
  contact: string;
  /** How to reach the contact: the email address always, the phone (E.164) when known. */
  contactEmail: string;
  contactPhone: string | null;
  touchpoint: string;
  /** The follow-up deadline, already formatted in the assignee's language and the tenant's zone. */
  due: string;
  taskUrl: string;
  /** A worse answer reopened the follow-up after it was closed: the subject and first line say so. */
  reopened?: boolean;
}

function TaskAlert({ variant, ...v }: TaskAlertMailInput & { variant: TVariant }) {
  const t = messages(v.locale);
  const m = t.mail.taskAlert;
  const category = t.common.categories[v.category];
  const intro = fill(v.reopened ? m.reopenedIntro : m.intro, {
    contact: v.contact,
    company: v.company,
    touchpoint: v.touchpoint,
  });
  const comment = v.comment ?? m.noComment;
  // [label, value, link]: the contact's email and phone are links in HTML, plain in text.
  const rows: [string, string, string?][] = [
    [m.score, `${v.score}/10 (${category})`],
    [m.comment, comment],
    [m.due, v.due],
    [m.email, v.contactEmail, `mailto:${v.contactEmail}`],
    ...(v.contactPhone
      ? [[m.phone, formatPhone(v.contactPhone), `tel:${v.contactPhone}`] as [string, string, string]]
      : []),
  ];
  const th = { textAlign: 'left', verticalAlign: 'top', padding: 6 } as const;
  return (
    <MailLayout lang={v.locale} preview={intro} footer={fill(t.mail.footer, { sender: v.tenant })}>
      <P>{intro}</P>
      <HtmlOnly v={variant}>
        <table role="presentation" cellPadding={6} style={{ borderCollapse: 'collapse', margin: '0 0 16px' }}>
          <tbody>
            {rows.map(([label, value, href], i) => (
              <tr key={label}>
                <th style={th}>{label}</th>
                <td style={{ padding: 6 }}>
                  {i === 0 ? (
                    <strong>{value}</strong>
                  ) : href ? (
                    <Link href={href} style={{ color: colors.brand }}>
                      {value}
                    </Link>
                  ) : (
                    value
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </HtmlOnly>
      <TextOnly v={variant}>
        <P>
          {rows.map(([label, value]) => (
            <span key={label}>
              {label}: {value}
              <br />
            </span>
          ))}
        </P>
      </TextOnly>
      <P>{m[`advice${v.category}`]}</P>
      <Action v={variant} href={v.taskUrl} label={m.button} />
    </MailLayout>
  );
}

/** The alert to a task's assignee: who answered what, the comment, the deadline, and the task link. */
export function taskAlertMail(v: TaskAlertMailInput): Promise<RenderedMail> {
  const t = messages(v.locale);
  const subject = fill(v.reopened ? t.mail.taskAlert.reopenedSubject : t.mail.taskAlert.subject, {
    category: t.common.categories[v.category],
    score: v.score,
    company: v.company,
    due: v.due,
  });
  return renderMail(subject, (variant) => <TaskAlert {...v} variant={variant} />);
}
