/**
 * One name per concept, in both languages. tests/unit/glossary.test.ts reads every dictionary namespace
 * in lib/i18n/messages/ and fails when a forbidden variant appears, so a new text cannot bring back a
 * second name. Choices: Dutch words where Dutch business language has an established one (contactmoment,
 * bedrijfsonderdeel, opvolgtaak), loanwords where that is what Dutch users say (accountmanager,
 * promoter, CX-manager); British English spelling (organisation).
 *
 * A forbidden variant is a word or phrase (matched whole-word, case-insensitive) or a RegExp for cases
 * that need case or context (SLA is an abbreviation; "sla" is also a Dutch verb).
 */
export type TVariant = string | RegExp;

export interface TTerm {
  /** The one name, lower case where the sentence allows it. */
  en: string;
  nl: string;
  /** What the concept is, so a translator picks the right term. */
  means: string;
  forbidden: { en: TVariant[]; nl: TVariant[] };
}

export const GLOSSARY = {
  touchpoint: {
    en: 'touchpoint',
    nl: 'contactmoment',
    means: 'A moment in the customer journey where a survey is sent (after go-live, after a support ticket).',
    forbidden: { en: ['touch point', 'touch-point', 'contact moment'], nl: ['touchpoint', 'touchpoints'] },
  },
  businessUnit: {
    en: 'business unit',
    nl: 'bedrijfsonderdeel',
    means: 'A part of the tenant’s own organisation that companies belong to (a division, a region team).',
    forbidden: {
      en: ['businessunit', 'business-unit', 'division'],
      nl: [
        'business unit',
        'business units',
        'businessunit',
        'businessunits',
        'business-unit',
        /\bunits?\b/i,
      ],
    },
  },
  followUp: {
    en: 'follow-up',
    nl: 'opvolgtaak',
    means: 'The task created for every answer: call or mail the customer, note it, close the loop.',
    forbidden: {
      en: ['task', 'tasks', 'follow-up task', 'followup', 'followups', 'action item'],
      nl: ['opvolging', 'opvolgingen', 'taak', 'taken', 'actiepunt', 'follow-up'],
    },
  },
  followUpQuestion: {
    en: 'follow-up question',
    nl: 'vervolgvraag',
    means: 'The open question a respondent sees after choosing a score.',
    forbidden: { en: ['second question'], nl: ['opvolgvraag', 'open vraag'] },
  },
  accountManager: {
    en: 'account manager',
    nl: 'accountmanager',
    means: 'The member responsible for a company; their follow-ups come to them. Also the role.',
    forbidden: {
      en: ['accountmanager', 'account-manager', 'account owner', 'company owner'],
      nl: ['account manager', 'account-manager', 'accounteigenaar'],
    },
  },
  cxManager: {
    en: 'CX manager',
    nl: 'CX-manager',
    means: 'The ADMIN role: sets up surveys, contacts, settings and the team.',
    forbidden: { en: [/CX-manager/, 'admin', 'administrator'], nl: [/CX manager/i, 'beheerder', 'admin'] },
  },
  director: {
    en: 'director',
    nl: 'directeur',
    means: 'The VIEWER role: watches dashboards and follow-ups, changes nothing.',
    forbidden: { en: ['viewer', 'viewers'], nl: ['kijker', 'kijkers', 'viewer'] },
  },
  organisation: {
    en: 'organisation',
    nl: 'organisatie',
    means: 'The tenant: the company that uses Kringloop.',
    forbidden: { en: ['organization', 'tenant', 'workspace'], nl: ['tenant', 'werkruimte'] },
  },
  company: {
    en: 'company',
    nl: 'bedrijf',
    means: 'A customer account of the organisation (B2B).',
    forbidden: { en: ['customer company'], nl: ['onderneming', 'firma'] },
  },
  contact: {
    en: 'contact',
    nl: 'contactpersoon',
    means: 'A person at a company who receives surveys.',
    forbidden: { en: ['contact person', 'contact persons'], nl: ['contacten'] },
  },
  survey: {
    en: 'survey',
    nl: 'enquête',
    means: 'The NPS question and its follow-up question, sent for a touchpoint.',
    forbidden: { en: ['questionnaire'], nl: ['survey', 'vragenlijst', 'enquete'] },
  },
  answer: {
    en: 'answer',
    nl: 'antwoord',
    means: 'What a respondent sent: a score and an optional comment.',
    forbidden: { en: ['response', 'responses'], nl: ['respons'] },
  },
  comment: {
    en: 'comment',
    nl: 'opmerking',
    means: 'The text a respondent wrote with their score.',
    forbidden: { en: ['remark', 'remarks'], nl: ['toelichting'] },
  },
  detractor: {
    en: 'detractor',
    nl: 'criticaster',
    means: 'A score of 0 to 6.',
    forbidden: { en: ['critic', 'critics'], nl: ['detractor', 'detractors'] },
  },
  passive: {
    en: 'passive',
    nl: 'passief tevreden',
    means: 'A score of 7 or 8 (plural: passives / passief tevredenen).',
    forbidden: { en: ['neutral'], nl: ['passive', 'passives', 'passieven', 'neutraal', 'neutralen'] },
  },
  deadline: {
    en: 'follow-up deadline',
    nl: 'opvolgtermijn',
    means: 'Business days the account manager has to follow up an answer, per category.',
    forbidden: { en: [/\bSLA\b/], nl: [/\bSLA\b/] },
  },
  restPeriod: {
    en: 'rest period',
    nl: 'rustperiode',
    means: 'Days after an invitation during which a contact is not invited again.',
    forbidden: { en: ['throttle', 'throttled', 'throttling'], nl: ['throttle', 'te recent'] },
  },
  signIn: {
    en: 'sign in',
    nl: 'aanmelden',
    means: 'Entering the app with an emailed sign-in link (noun: sign-in link / aanmeldlink).',
    forbidden: {
      en: ['log in', 'login', 'log-in', 'magic link'],
      nl: ['inloggen', 'login', 'inloglink', 'magic link'],
    },
  },
  signOut: {
    en: 'sign out',
    nl: 'afmelden',
    means: 'Leaving the app.',
    forbidden: { en: ['log out', 'logout'], nl: ['uitloggen'] },
  },
  unsubscribe: {
    en: 'unsubscribe',
    nl: 'uitschrijven',
    means: 'A contact stops receiving surveys. Not "afmelden": that is signing out.',
    forbidden: { en: ['opt out', 'opt-out'], nl: ['afgemeld', 'afmelden voor'] },
  },
  email: {
    en: 'email',
    nl: 'e-mail',
    means: 'Spelling of the word itself.',
    forbidden: { en: ['e-mail', 'e-mails'], nl: ['email', 'emails', 'emailadres'] },
  },
  businessDays: {
    en: 'business days',
    nl: 'werkdagen',
    means: 'Monday to Friday in the organisation’s time zone.',
    forbidden: { en: ['working days', 'workdays'], nl: ['kantoordagen'] },
  },
} as const satisfies Record<string, TTerm>;

export type TConcept = keyof typeof GLOSSARY;

/** The variant as a whole-word, case-insensitive pattern. */
export function variantPattern(v: TVariant): RegExp {
  if (v instanceof RegExp) return v;
  const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // \b does not treat letters like ê as word characters, so use explicit letter look-arounds.
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, 'iu');
}
