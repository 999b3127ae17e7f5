import { fill, messages, type TLocale } from '../../i18n';
import type { TCategory } from '../../nps';
import { Action, MailLayout, P, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface EscalationMailInput {
  locale: TLocale;
  /** REMIND_ASSIGNEE: to the assignee; ESCALATE: to the escalation contact. */
  step: 'REMIND_ASSIGNEE' | 'ESCALATE';
  tenant: string;
  category: TCategory;
  score: number;
  company: string;
  contact: string;
  assignee: string | null;
  /** The follow-up deadline, formatted in the recipient's language and the tenant's zone. */
  due: string;
  taskUrl: string;
}

function vars(v: EscalationMailInput) {
  const t = messages(v.locale);
  return {
    category: t.common.categories[v.category],
    score: v.score,
    company: v.company,
    contact: v.contact,
    assignee: v.assignee ?? t.mail.escalation.nobody,
    due: v.due,
  };
}

function Escalation({ variant, ...v }: EscalationMailInput & { variant: TVariant }) {
  const t = messages(v.locale);
  const m = t.mail.escalation;
  const intro = fill(v.step === 'ESCALATE' ? m.escalateIntro : m.remindIntro, vars(v));
  return (
    <MailLayout lang={v.locale} preview={intro} footer={fill(t.mail.footer, { sender: v.tenant })}>
      <P>{intro}</P>
      <Action v={variant} href={v.taskUrl} label={m.button} />
    </MailLayout>
  );
}

/** A follow-up not started within its deadline: the reminder to its assignee, or the escalation. */
export function escalationMail(v: EscalationMailInput): Promise<RenderedMail> {
  const m = messages(v.locale).mail.escalation;
  const subject = fill(v.step === 'ESCALATE' ? m.escalateSubject : m.remindSubject, vars(v));
  return renderMail(subject, (variant) => <Escalation {...v} variant={variant} />);
}
