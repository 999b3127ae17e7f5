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
    surveyNotActive: 'Activate the survey before sending it.',
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
    surveyNotActive: 'Activeer de enquête voordat u hem verstuurt.',
  },
);
