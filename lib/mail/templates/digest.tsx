import { Fragment } from 'react';
import { fill, messages, type TLocale } from '../../i18n';
import type { TCategory } from '../../nps';
import { Action, MailLayout, P, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface DigestLine {
  category: TCategory;
  score: number;
  company: string;
  /** Formatted in the recipient's language and the tenant's zone. */
  due: string;
}
export interface DigestGroup {
  lines: DigestLine[];
  /** How many in all (the lines are the first few). */
  count: number;
}

export interface DigestMailInput {
  locale: TLocale;
  tenant: string;
  new: DigestGroup;
  dueToday: DigestGroup;
  overdue: DigestGroup;
  tasksUrl: string;
}

const GROUPS = ['overdue', 'dueToday', 'new'] as const;

function Digest({ variant, ...v }: DigestMailInput & { variant: TVariant }) {
  const t = messages(v.locale);
  const m = t.mail.digest;
  return (
    <MailLayout lang={v.locale} preview={m.intro} footer={fill(t.mail.footer, { sender: v.tenant })}>
      <P>{m.intro}</P>
      {GROUPS.filter((g) => v[g].count > 0).map((g) => (
        <Fragment key={g}>
          <P style={{ fontWeight: 600, margin: '16px 0 4px' }}>
            {m[g]} ({v[g].count})
          </P>
          <P>
            {v[g].lines.map((l, i) => (
              <span key={i}>
                {fill(m.line, {
                  category: t.common.categories[l.category],
                  score: l.score,
                  company: l.company,
                  due: l.due,
                })}
                <br />
              </span>
            ))}
            {v[g].count > v[g].lines.length && fill(m.more, { count: v[g].count - v[g].lines.length })}
          </P>
        </Fragment>
      ))}
      <Action v={variant} href={v.tasksUrl} label={m.button} />
    </MailLayout>
  );
}

/** An account manager's morning digest: new follow-ups, those due today and those overdue. */
export function digestMail(v: DigestMailInput): Promise<RenderedMail> {
  const m = messages(v.locale).mail.digest;
  const subject = fill(m.subject, { new: v.new.count, dueToday: v.dueToday.count, overdue: v.overdue.count });
  return renderMail(subject, (variant) => <Digest {...v} variant={variant} />);
}
