import { defineMessages } from '../define';

/** Validation messages our own rules produce; zod's built-in messages come from its nl/en locales. */
export const validation = defineMessages(
  {
    duplicateLine: 'duplicate of line {line}',
    unknownCompany: 'unknown company: {company}',
    notAMember: '{email} is not a member of this organisation',
    noRows: 'no rows found (is there a header line?)',
    badFile: 'the file could not be read as CSV: {reason}',
    unknownTimeZone: 'unknown time zone',
    customPhaseRequired: 'required for a custom phase',
    unknownMember: 'unknown member',
    cannotWorkTasks: 'this member cannot work follow-ups (directors only watch)',
    pickAudience: 'choose who receives the survey',
    surveyNotActive: 'Activate the survey before sending it.',
    tooManyRows:
      'the file has {count} lines; at most {max} can be imported at once: split it into smaller files',
    ambiguousCompany: 'more than one company is called “{name}”: use the external id to say which one',
    savedConcurrently: 'someone else saved this at the same moment; please try again',
    badPhone: 'not a valid phone number: write it with the country code, e.g. +31 20 123 4567',
    sharedAddressRequired: 'enter the shared address replies should go to',
  },
  {
    duplicateLine: 'dubbel met regel {line}',
    unknownCompany: 'onbekend bedrijf: {company}',
    notAMember: '{email} is geen lid van deze organisatie',
    noRows: 'geen regels gevonden (is er een kopregel?)',
    badFile: 'het bestand kon niet als CSV gelezen worden: {reason}',
    unknownTimeZone: 'onbekende tijdzone',
    customPhaseRequired: 'verplicht bij een eigen fase',
    unknownMember: 'onbekend lid',
    cannotWorkTasks: 'dit lid kan geen opvolgtaken behandelen (directeuren kijken alleen mee)',
    pickAudience: 'kies wie de enquête ontvangt',
    surveyNotActive: 'Activeer de enquête voordat u hem verstuurt.',
    tooManyRows:
      'het bestand heeft {count} regels; er kunnen er hooguit {max} tegelijk geïmporteerd worden: splits het in kleinere bestanden',
    ambiguousCompany:
      'er is meer dan één bedrijf met de naam “{name}”: geef met het externe id aan welk bedrijf',
    savedConcurrently: 'iemand anders heeft dit op hetzelfde moment opgeslagen; probeer het opnieuw',
    badPhone: 'geen geldig telefoonnummer: schrijf het met landcode, bijv. +31 20 123 4567',
    sharedAddressRequired: 'vul het gedeelde adres in waar antwoorden naartoe gaan',
  },
);
