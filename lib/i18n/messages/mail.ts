import { defineMessages } from '../define';

export const mail = defineMessages(
  {
    footer: 'Sent by Kringloop on behalf of {sender}.',
    magicLink: {
      subject: 'Your sign-in link for Kringloop',
      intro: 'Click the button to sign in. The link works once and expires in 24 hours.',
      button: 'Sign in',
      ignore: 'Did not ask for this? Then you can ignore this email.',
    },
    memberInvite: {
      subject: '{inviter} invites you to {tenant} on Kringloop',
      intro: '{inviter} added you to {tenant} on Kringloop as {role}.',
      button: 'Sign in to get started',
    },
    survey: {
      subject: 'How likely are you to recommend {company}?',
      reminderSubject: 'Reminder: how likely are you to recommend {company}?',
      reminderIntro:
        'A reminder: we would still like to hear from you. It takes ten seconds: tap a score and we will ask one short question.',
      greeting: 'Dear {name},',
      greetingNoName: 'Hello,',
      intro: 'It takes ten seconds: tap a score and we will ask one short question.',
      notLikely: 'Not at all likely',
      veryLikely: 'Extremely likely',
      openSurvey: 'Open the survey',
      unsubscribe: 'Unsubscribe from these surveys',
      why: 'You receive this email because you are a customer of {company}.',
    },
    taskAlert: {
      subject: '{category} {score}/10 from {company}: follow up by {due}',
      intro: '{contact} of {company} answered the {touchpoint} survey.',
      reopenedSubject: 'Reopened: {category} {score}/10 from {company}: follow up by {due}',
      reopenedIntro:
        '{contact} of {company} changed their answer to a worse score after the follow-up was closed ({touchpoint} survey). The follow-up is open again.',
      score: 'Score',
      comment: 'Comment',
      noComment: '(no comment)',
      due: 'Follow up by',
      email: 'Email',
      phone: 'Phone',
      button: 'Open the follow-up',
      adviceDETRACTOR: 'Act fast: call the customer, listen, and say what you will do.',
      advicePASSIVE: 'Ask what it would take to earn a 9 or 10.',
      advicePROMOTER:
        'Say thank you, share the compliment with the team, and ask how to deepen the relationship.',
    },
  },
  {
    footer: 'Verstuurd door Kringloop namens {sender}.',
    magicLink: {
      subject: 'Uw aanmeldlink voor Kringloop',
      intro: 'Klik op de knop om u aan te melden. De link werkt één keer en verloopt na 24 uur.',
      button: 'Aanmelden',
      ignore: 'Niet aangevraagd? Dan kunt u deze e-mail negeren.',
    },
    memberInvite: {
      subject: '{inviter} nodigt u uit voor {tenant} op Kringloop',
      intro: '{inviter} heeft u toegevoegd aan {tenant} op Kringloop als {role}.',
      button: 'Meld u aan om te beginnen',
    },
    survey: {
      subject: 'Hoe waarschijnlijk is het dat u {company} aanbeveelt?',
      reminderSubject: 'Herinnering: hoe waarschijnlijk is het dat u {company} aanbeveelt?',
      reminderIntro:
        'Een herinnering: we horen graag nog van u. Het kost tien seconden: tik op een cijfer en we stellen nog één korte vraag.',
      greeting: 'Beste {name},',
      greetingNoName: 'Goedendag,',
      intro: 'Het kost tien seconden: tik op een cijfer en we stellen nog één korte vraag.',
      notLikely: 'Zeer onwaarschijnlijk',
      veryLikely: 'Zeer waarschijnlijk',
      openSurvey: 'Open de enquête',
      unsubscribe: 'Uitschrijven voor deze enquêtes',
      why: 'U ontvangt deze e-mail omdat u klant bent van {company}.',
    },
    taskAlert: {
      subject: '{category} {score}/10 van {company}: opvolgen vóór {due}',
      intro: '{contact} van {company} heeft de enquête {touchpoint} ingevuld.',
      reopenedSubject: 'Heropend: {category} {score}/10 van {company}: opvolgen vóór {due}',
      reopenedIntro:
        '{contact} van {company} heeft het antwoord gewijzigd in een lagere score nadat de opvolgtaak was afgesloten (enquête {touchpoint}). De opvolgtaak staat weer open.',
      score: 'Score',
      comment: 'Opmerking',
      noComment: '(geen opmerking)',
      due: 'Opvolgen vóór',
      email: 'E-mail',
      phone: 'Telefoon',
      button: 'Open de opvolgtaak',
      adviceDETRACTOR: 'Handel snel: bel de klant, luister, en zeg wat u gaat doen.',
      advicePASSIVE: 'Vraag wat er nodig is voor een 9 of 10.',
      advicePROMOTER:
        'Bedank de klant, deel het compliment met het team en vraag hoe u de relatie kunt verdiepen.',
    },
  },
);
