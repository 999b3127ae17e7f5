import { Column, Heading, Link, Row, Section } from '@react-email/components';
import { fill, messages, type TLocale } from '../../i18n';
import { localizedTexts, type TSurveyTexts } from '../../surveys/schemas';
import { Fragment } from 'react';
import { colors, HtmlOnly, LinkLine, MailLayout, P, TextOnly, type TVariant } from './layout';
import { renderMail, type RenderedMail } from './render';

export interface InvitationMailInput {
  locale: TLocale;
  texts: TSurveyTexts;
  company: string;
  contactName: string | null;
  /** The invitation's survey link; a reminder carries the very same link as the first email. */
  surveyUrl: string;
  unsubscribeUrl: string;
  /** A reminder to someone who has not answered: says so in the subject and the first line. */
  reminder?: boolean;
}

const scoreColor = (s: number) => (s >= 9 ? '#15803d' : s >= 7 ? '#a16207' : '#b91c1c');
const SCORES = Array.from({ length: 11 }, (_, s) => s);

function Invitation({ variant, ...v }: InvitationMailInput & { variant: TVariant }) {
  const m = messages(v.locale).mail.survey;
  const texts = localizedTexts(v.texts, v.locale, v.company);
  const greeting = v.contactName ? fill(m.greeting, { name: v.contactName }) : m.greetingNoName;
  const scoreUrl = (s: number) => `${v.surveyUrl}?score=${s}`;
  const intro = v.reminder ? m.reminderIntro : m.intro;
  return (
    <MailLayout
      lang={v.locale}
      preview={intro}
      footer={fill(messages(v.locale).mail.footer, { sender: v.company })}
    >
      <P>{greeting}</P>
      <P>{intro}</P>
      <Heading as="h1" style={{ fontSize: 18, lineHeight: 1.4, margin: '0 0 16px' }}>
        {texts.question}
      </Heading>
      <HtmlOnly v={variant}>
        <Section>
          <Row>
            {SCORES.map((s) => (
              <Column key={s} style={{ padding: 2, width: '9%' }}>
                <Link
                  href={scoreUrl(s)}
                  aria-label={String(s)}
                  style={{
                    display: 'block',
                    padding: '10px 0',
                    border: `2px solid ${scoreColor(s)}`,
                    borderRadius: 6,
                    color: scoreColor(s),
                    fontWeight: 700,
                    fontSize: 16,
                    textAlign: 'center',
                    textDecoration: 'none',
                  }}
                >
                  {s}
                </Link>
              </Column>
            ))}
          </Row>
        </Section>
        <Section style={{ margin: '4px 0 20px', fontSize: 12, color: colors.muted }}>
          <Row>
            <Column align="left">{m.notLikely}</Column>
            <Column align="right">{m.veryLikely}</Column>
          </Row>
        </Section>
      </HtmlOnly>
      <TextOnly v={variant}>
        <P>
          0 = {m.notLikely}, 10 = {m.veryLikely}
        </P>
        <P>
          {SCORES.map((s) => (
            <Fragment key={s}>
              {s}: {scoreUrl(s)}
              <br />
            </Fragment>
          ))}
        </P>
      </TextOnly>
      <P>
        <LinkLine v={variant} href={v.surveyUrl} label={m.openSurvey} color={colors.brand} />
      </P>
      <P style={{ margin: '24px 0 0', fontSize: 12, color: colors.muted }}>
        {fill(m.why, { company: v.company })}{' '}
        <LinkLine v={variant} href={v.unsubscribeUrl} label={m.unsubscribe} color={colors.muted} />
      </P>
    </MailLayout>
  );
}

/** The invitation (or its reminder): the question and eleven score links, each opening the survey. */
export function invitationMail(v: InvitationMailInput): Promise<RenderedMail> {
  const m = messages(v.locale).mail.survey;
  return renderMail(fill(v.reminder ? m.reminderSubject : m.subject, { company: v.company }), (variant) => (
    <Invitation {...v} variant={variant} />
  ));
}
