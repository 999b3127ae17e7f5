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
    reminderDays: 'choose a whole number of days from 1 to 30',
    surveyNotActive: 'Activate the survey before sending it.',
    cadenceRequired: 'choose how often every contact is surveyed',
    previewChanged:
      'the audience changed since the preview: {count} would be invited now. Look at the new preview and confirm again.',
    tooManyRows:
      'the file has {count} lines; at most {max} can be imported at once: split it into smaller files',
    ambiguousCompany: 'more than one company is called “{name}”: use the external id to say which one',
    savedConcurrently: 'someone else saved this at the same moment; please try again',
    badPhone: 'not a valid phone number: write it with the country code, e.g. +31 20 123 4567',
    sharedAddressRequired: 'enter the shared address replies should go to',
    periodOrder: 'the end of the period comes before its start',
    yearRange: 'choose a year between 2000 and 2100',
    periodTooLong: 'a period can span at most 5 years',
    unknownTouchpoint: 'unknown touchpoint',
    unknownBusinessUnit: 'unknown business unit',
    unknownCompanyId: 'unknown company',
    ruleNeverMatches_scoreRange: 'this rule matches no answer: the lowest score is above the highest',
    ruleNeverMatches_categoryScore: 'this rule matches no answer: the score range lies outside the category',
    ruleNeverMatches_touchpointPhase:
      'this rule matches no answer: the touchpoint belongs to another journey phase',
    ruleNeverMatches_companyUnit: 'this rule matches no answer: the company belongs to another business unit',
    ruleNeverMatches_companyRegion: 'this rule matches no answer: the company is in another region',
    pickMember: 'choose a member',
    memberRemoved: 'this member is no longer part of the organisation',
    pickTeam: 'choose a team',
    teamOfNobody: 'a team needs at least one member who can work follow-ups',
    teamNameTaken: 'there is already a team with this name',
    teamInUse: 'a routing rule sends follow-ups to this team: change or remove that rule first',
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
    reminderDays: 'kies een heel aantal dagen van 1 tot en met 30',
    surveyNotActive: 'Activeer de enquête voordat u hem verstuurt.',
    cadenceRequired: 'kies hoe vaak elke contactpersoon een enquête krijgt',
    previewChanged:
      'de doelgroep is veranderd sinds het voorbeeld: nu zouden er {count} uitgenodigd worden. Bekijk het nieuwe voorbeeld en bevestig opnieuw.',
    tooManyRows:
      'het bestand heeft {count} regels; er kunnen er hooguit {max} tegelijk geïmporteerd worden: splits het in kleinere bestanden',
    ambiguousCompany:
      'er is meer dan één bedrijf met de naam “{name}”: geef met het externe id aan welk bedrijf',
    savedConcurrently: 'iemand anders heeft dit op hetzelfde moment opgeslagen; probeer het opnieuw',
    badPhone: 'geen geldig telefoonnummer: schrijf het met landcode, bijv. +31 20 123 4567',
    sharedAddressRequired: 'vul het gedeelde adres in waar antwoorden naartoe gaan',
    periodOrder: 'het einde van de periode ligt vóór het begin',
    yearRange: 'kies een jaar tussen 2000 en 2100',
    periodTooLong: 'een periode beslaat hooguit 5 jaar',
    unknownTouchpoint: 'onbekend contactmoment',
    unknownBusinessUnit: 'onbekend bedrijfsonderdeel',
    unknownCompanyId: 'onbekend bedrijf',
    ruleNeverMatches_scoreRange:
      'deze regel past op geen enkel antwoord: de laagste score ligt boven de hoogste',
    ruleNeverMatches_categoryScore:
      'deze regel past op geen enkel antwoord: de scores vallen buiten de categorie',
    ruleNeverMatches_touchpointPhase:
      'deze regel past op geen enkel antwoord: het contactmoment hoort bij een andere fase',
    ruleNeverMatches_companyUnit:
      'deze regel past op geen enkel antwoord: het bedrijf hoort bij een ander bedrijfsonderdeel',
    ruleNeverMatches_companyRegion:
      'deze regel past op geen enkel antwoord: het bedrijf zit in een andere regio',
    pickMember: 'kies een lid',
    memberRemoved: 'dit lid hoort niet meer bij de organisatie',
    pickTeam: 'kies een team',
    teamOfNobody: 'een team heeft minstens één lid nodig dat opvolgtaken kan behandelen',
    teamNameTaken: 'er is al een team met deze naam',
    teamInUse:
      'een routeringsregel stuurt opvolgtaken naar dit team: pas die regel eerst aan of verwijder hem',
  },
);
