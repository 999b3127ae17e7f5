import { defineMessages } from '../define';

/**
 * The answer to the customer, per category, as the seeds ask: detractors get an apology and a call
 * request, passives the question what would earn a 9, promoters thanks and the ask for a reference
 * or a review. Placeholders: {name} the contact, {company}, {manager} the account manager, {sender}
 * the organisation.
 */
export const reply = defineMessages(
  {
    templates: {
      DETRACTOR: {
        subject: 'Your feedback to {sender}: our apologies',
        body: 'Dear {name},\n\nThank you for your honest answer. We are sorry that we did not live up to your expectations, and we want to put it right.\n\nMay I call you this week to hear what went wrong and what we can do about it? Let me know a moment that suits you, or simply reply to this email.\n\nKind regards,\n{manager}\n{sender}',
      },
      PASSIVE: {
        subject: 'Your feedback to {sender}: what would earn a 9?',
        body: 'Dear {name},\n\nThank you for your answer. We are glad you are satisfied, and we would like to do better still.\n\nWhat would it take for you to give us a 9 or a 10? One sentence in reply to this email helps us a great deal.\n\nKind regards,\n{manager}\n{sender}',
      },
      PROMOTER: {
        subject: 'Thank you from {sender}',
        body: 'Dear {name},\n\nThank you for your kind words; I have passed them on to the colleagues who earned them.\n\nWould you be willing to act as a reference for us, or write a short review? And if there is anything that could make our work together even better, I would love to hear it.\n\nKind regards,\n{manager}\n{sender}',
      },
    },
    card: {
      title: 'Reply to the customer',
      intro: 'In {language}, the language of the contact. Edit the text before sending; replies go to you.',
      to: 'To',
      replyTo: 'Replies go to',
      subject: 'Subject',
      body: 'Message',
      send: 'Send reply',
      sent: 'Reply queued; it leaves from {sender} within a minute.',
      refusedBounced:
        'No reply possible: email to {email} bounced. Call the customer instead and log the call.',
      refusedUnsubscribed:
        'No reply possible: {email} has unsubscribed. Call the customer instead and log the call.',
      serviceReply:
        'This contact has unsubscribed from surveys. A reply to a detractor’s answer is a service email, so it may be sent.',
      readOnly: 'Only the account manager of this follow-up or a CX manager can reply.',
    },
    log: {
      title: 'Log a call or meeting',
      kind: 'Kind',
      note: 'What was discussed',
      submit: 'Log contact',
      saved: 'Contact logged.',
      kinds: { EMAIL: 'Email', CALL: 'Phone call', MEETING: 'Meeting' },
    },
    history: {
      title: 'Contact with the customer',
      empty: 'The customer has not been contacted yet.',
      contactedAt: 'Customer contacted',
      closedAt: 'Closed',
      notYet: 'not yet',
      by: 'by {name}',
      states: {
        QUEUED: 'queued',
        SENDING: 'sending',
        SENT: 'delivered to the mail server',
        FAILED: 'failed',
      },
      failed: 'failed: {reason}',
    },
    praise: {
      title: 'Share the praise',
      intro: 'Send this comment to the colleagues it names or thanks.',
      members: 'Colleagues',
      note: 'A word of your own (optional)',
      submit: 'Share',
      done: 'Compliment shared.',
      sharedWith: 'Shared with {names}',
    },
    mail: {
      praiseSubject: 'A compliment from {company}',
      praiseIntro: '{sharer} shares what {contact} of {company} said about working with us ({score}/10):',
      praiseNote: 'With a word from {sharer}:',
      praiseButton: 'Open the follow-up',
    },
  },
  {
    templates: {
      DETRACTOR: {
        subject: 'Uw reactie aan {sender}: onze excuses',
        body: 'Beste {name},\n\nDank voor uw eerlijke antwoord. Het spijt ons dat we niet hebben waargemaakt wat u van ons mocht verwachten, en we willen het goedmaken.\n\nMag ik u deze week bellen om te horen wat er misging en wat we eraan kunnen doen? Laat me weten welk moment u schikt, of beantwoord simpelweg deze e-mail.\n\nMet vriendelijke groet,\n{manager}\n{sender}',
      },
      PASSIVE: {
        subject: 'Uw reactie aan {sender}: wat is er nodig voor een 9?',
        body: 'Beste {name},\n\nDank voor uw antwoord. Fijn dat u tevreden bent, en we willen graag nog beter worden.\n\nWat zouden we moeten doen om van u een 9 of een 10 te krijgen? Eén zin als antwoord op deze e-mail helpt ons enorm.\n\nMet vriendelijke groet,\n{manager}\n{sender}',
      },
      PROMOTER: {
        subject: 'Hartelijk dank van {sender}',
        body: 'Beste {name},\n\nDank voor uw mooie woorden; ik heb ze doorgegeven aan de collega’s die ze verdiend hebben.\n\nZou u referent voor ons willen zijn, of een korte review willen schrijven? En als er iets is waardoor onze samenwerking nog beter kan, hoor ik het graag.\n\nMet vriendelijke groet,\n{manager}\n{sender}',
      },
    },
    card: {
      title: 'De klant antwoorden',
      intro:
        'In het {language}, de taal van de contactpersoon. Pas de tekst aan voor het versturen; antwoorden komen bij u.',
      to: 'Aan',
      replyTo: 'Antwoorden gaan naar',
      subject: 'Onderwerp',
      body: 'Bericht',
      send: 'Antwoord versturen',
      sent: 'Antwoord klaargezet; het gaat binnen een minuut weg namens {sender}.',
      refusedBounced:
        'Antwoorden kan niet: e-mail aan {email} kwam onbestelbaar terug. Bel de klant en leg het gesprek vast.',
      refusedUnsubscribed:
        'Antwoorden kan niet: {email} heeft zich uitgeschreven. Bel de klant en leg het gesprek vast.',
      serviceReply:
        'Deze contactpersoon heeft zich uitgeschreven voor enquêtes. Een antwoord op de reactie van een criticaster is een service-e-mail en mag dus verstuurd worden.',
      readOnly: 'Alleen de accountmanager van deze opvolgtaak of een CX-manager kan antwoorden.',
    },
    log: {
      title: 'Een gesprek of afspraak vastleggen',
      kind: 'Soort',
      note: 'Wat is besproken',
      submit: 'Contact vastleggen',
      saved: 'Contact vastgelegd.',
      kinds: { EMAIL: 'E-mail', CALL: 'Telefoongesprek', MEETING: 'Afspraak' },
    },
    history: {
      title: 'Contact met de klant',
      empty: 'Er is nog geen contact met de klant geweest.',
      contactedAt: 'Klant gesproken',
      closedAt: 'Afgesloten',
      notYet: 'nog niet',
      by: 'door {name}',
      states: {
        QUEUED: 'klaargezet',
        SENDING: 'wordt verstuurd',
        SENT: 'afgeleverd bij de mailserver',
        FAILED: 'mislukt',
      },
      failed: 'mislukt: {reason}',
    },
    praise: {
      title: 'Het compliment delen',
      intro: 'Stuur deze opmerking naar de collega’s die erin genoemd of bedankt worden.',
      members: 'Collega’s',
      note: 'Een woord van uzelf (optioneel)',
      submit: 'Delen',
      done: 'Compliment gedeeld.',
      sharedWith: 'Gedeeld met {names}',
    },
    mail: {
      praiseSubject: 'Een compliment van {company}',
      praiseIntro: '{sharer} deelt wat {contact} van {company} zei over de samenwerking ({score}/10):',
      praiseNote: 'Met een woord van {sharer}:',
      praiseButton: 'De opvolgtaak openen',
    },
  },
);
