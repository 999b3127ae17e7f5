// Fixed data for the demo seed: a Dutch installation and facilities company and its B2B customers.
import type { JourneyPhase, Locale, NpsCategory, Role } from '../lib/db';

export const DEMO = {
  slug: 'demo',
  name: 'Vastgoed Techniek Nederland',
  users: [
    { local: 'owner', name: 'Marieke Jansen', role: 'OWNER', locale: 'nl' },
    { local: 'cx', name: 'Lotte van Dijk', role: 'ADMIN', locale: 'nl' },
    { local: 'am', name: 'Sanne de Vries', role: 'ACCOUNT_MANAGER', locale: 'nl' },
    { local: 'am2', name: 'Joost Bakker', role: 'ACCOUNT_MANAGER', locale: 'nl' },
    { local: 'am3', name: 'Emma Smit', role: 'ACCOUNT_MANAGER', locale: 'en' },
    { local: 'director', name: 'Pieter Visser', role: 'VIEWER', locale: 'nl' },
  ] satisfies { local: string; name: string; role: Role; locale: Locale }[],
  units: ['Installatie', 'Onderhoud', 'Advies'],
  regions: ['Noord', 'Oost', 'Zuid', 'West', 'Randstad'],
  touchpoints: [
    { name: 'Na de verkoop', phase: 'SALES', description: 'Na het tekenen van de opdracht', weight: 2, bias: 0.04 },
    { name: 'Implementatie afgerond', phase: 'IMPLEMENTATION', description: 'Oplevering van de installatie', weight: 2, bias: -0.04 },
    { name: 'Livegang', phase: 'GO_LIVE', description: 'Vier weken na ingebruikname', weight: 1, bias: 0 },
    { name: 'Accountreview', phase: 'ACCOUNT_MANAGEMENT', description: 'Halfjaarlijks gesprek met de accountmanager', weight: 3, bias: 0.02 },
    { name: 'Supportticket gesloten', phase: 'SUPPORT', description: 'Na het sluiten van een storingsmelding', weight: 4, bias: -0.02 },
  ] satisfies { name: string; phase: JourneyPhase; description: string; weight: number; bias: number }[],
  firstNames: ['Anouk', 'Bram', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanna', 'Jeroen', 'Karin', 'Lars', 'Maaike', 'Niels', 'Olga', 'Ruud', 'Sophie', 'Thijs', 'Wouter', 'Yara'],
  lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker'],
} as const;

export const COMPANY_NAMES = [
  'Gemeente Zuidmeer', 'Ziekenhuis De Linde', 'Hogeschool Noordkust', 'Logistiek Centrum Venlo', 'Woonstichting Thuis',
  'Bakkerij Van Leeuwen', 'Datacenter Amstel', 'Hotel De Kroon', 'Zorggroep Eemland', 'Transportbedrijf Kuipers',
  'Kantorenpark Westpoort', 'Scholengroep Rijnmond', 'Sportcentrum De Bongerd', 'Autobedrijf Hoekstra', 'Brouwerij De Molen',
  'Provinciehuis Oost', 'Museum Het Pakhuis', 'Zwembad De Wetering', 'Verzekeraar Delta', 'Drukkerij Roos',
  'Tuincentrum Groenrijk', 'Advocatenkantoor Meijer', 'Supermarkt Buurtwinkel', 'Laboratorium BioNed', 'Vakantiepark Duinzicht',
  'Waterschap Vechtstromen', 'Bibliotheek Centrum', 'Kinderopvang Klavertje', 'Fabriek Staalwerk', 'Apotheek De Vijzel',
  'Theater De Schouwburg', 'Universiteit Twentestad', 'Energiebedrijf Windkracht', 'Garage Van Dam', 'Veilinghuis Flora',
  'Politiebureau Centrum', 'Makelaardij Huisman', 'Revalidatiecentrum Herstel', 'Congrescentrum Jaarbeurs', 'Kerkgenootschap Oud-West',
];

export const COMMENTS: Record<NpsCategory, string[]> = {
  PROMOTER: [
    'Snelle reactie en de monteur dacht echt mee.',
    'Heel prettig contact met onze accountmanager.',
    'Alles werd netjes en op tijd opgeleverd.',
    'Great service, the engineer explained everything clearly.',
    'Betrouwbare partner, al jaren tevreden.',
    'Proactief advies over energiebesparing, top!',
  ],
  PASSIVE: [
    'Prima, maar de planning liep wat uit.',
    'Goed werk, communicatie kan beter.',
    'Tevreden, al was de factuur niet helemaal duidelijk.',
    'Fine overall, but it took two visits to fix the issue.',
    'Doet wat is afgesproken, niet meer en niet minder.',
    'Redelijk, maar ik mis een vast aanspreekpunt.',
  ],
  DETRACTOR: [
    'Storing duurde veel te lang voordat iemand kwam.',
    'Afspraken werden niet nagekomen.',
    'Drie keer gebeld voordat er iets gebeurde.',
    'The installation was delayed by weeks without notice.',
    'Te duur voor wat we krijgen.',
    'Monteur wist niet wat er aan de hand was.',
  ],
};
