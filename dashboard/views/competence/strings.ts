/**
 * The competence page's words, bokmål and English, kept apart from dashboard/i18n so that
 * views added in parallel do not edit the same file. Topics and challenges in words; a code
 * the lists do not know (topics are an open list) is shown as given.
 */
import type { Lang } from '../../i18n/lang.ts';

const nb = {
  heading: (municipality: string) => `Kompetanse: ${municipality}`,
  intro: 'PPTs kompetansetiltak (nivå 1 for alle, nivå 2 for noen, nivå 3 for få), hvem de nådde, og temaene ressursteamene selv drøfter.',
  timeline: 'Kompetansetiltak over tid',
  timelineAlt: (n: number) => `Tidslinje over ${n} kompetansetiltak: start og slutt, farget etter nivå.`,
  tierShare: 'Andel av de ansatte nådd, per nivå',
  tierShareAlt: 'Søylediagram: andel av de ansatte ved skolene i utvalget som er nådd av tiltak på hvert nivå.',
  tierShareRule:
    'Per skole teller den største samlingen i et tiltak på nivået (de samme ansatte går igjen); summen over skoler med kjent antall ansatte delt på de ansatte ved alle skolene i utvalget med kjent antall.',
  reach: 'Hvem tiltakene nådde',
  reachNote: 'Nådd = den største samlingen ved skolen i perioden, delt på skolens ansatte (kan passere 100 % når andre enn egne ansatte deltar).',
  notReached: (effort: string) => `Ikke nådd av ${effort}`,
  allReached: 'Alle skolene i utvalget er nådd.',
  themes: 'Temaer som går igjen',
  themesNote: 'Temaene på sakene ressursteamene har drøftet i perioden, rangert etter antall skoler der temaet er drøftet.',
  challenges: 'Utfordringer i individsakene',
  challengesNote: 'Utfordringene i individsakene som er drøftet i perioden, rangert etter antall skoler.',
  heatmap: 'Behov mot dekning',
  heatmapAlt: 'Varmekart: skoler mot temaer, antall drøftede saker per tema og skole. Markerte celler har stort behov og lav dekning.',
  heatmapKeys: 'Bruk piltastene for å gå mellom cellene.',
  reachBar: 'Strek nederst i cellen: andelen av skolens ansatte nådd av tiltak på temaet',
  gapRule:
    'Markert (stort behov, lav dekning): skolen er blant tredjedelen av kommunens skoler med flest drøftede saker om temaet, med minst to saker (én sak er ikke et tema som går igjen), og tiltak på samme tema har nådd under halvparten av skolens ansatte (eller ingen).',
  needs: 'Kompetansebehov',
  needsNote: 'Per tema: behovet på tvers av skolene, tiltakene som går og hvem de nådde, og skolene med størst gap. Til kommunens melding om kompetansebehov.',
  needsTitle: (municipality: string, period: string, date: string) => `Kompetansebehov – ${municipality} – ${period} – laget ${date}`,
  printReport: 'Skriv ut rapport (A4)',
  effort: 'Tiltak',
  theme: 'Tema',
  tier: 'Nivå',
  partner: 'Samarbeidspartner',
  targetGroup: 'Målgruppe',
  start: 'Start',
  end: 'Slutt',
  school: 'Skole',
  sessions: 'Samlinger',
  participantsMax: 'Største samling',
  participantsTotal: 'Deltakere i alt',
  staff: 'Ansatte',
  share: 'Andel nådd',
  schoolsReached: 'Skoler nådd',
  schools: 'Skoler',
  systemCases: 'Systemsaker',
  individualCases: 'Individsaker',
  systemMeasures: 'Systemtiltak',
  measureStaff: 'Ansatte med nytte av systemtiltak',
  demand: 'Drøftede saker',
  staffReachedByEfforts: 'Ansatte nådd av tiltak',
  effortsOnTheme: 'Tiltak på temaet',
  gapSchools: 'Skoler med størst gap',
  gap: 'Stort behov, lav dekning',
  none: 'ingen',
  unknown: 'ukjent',
  hidden: 'skjult',
  cell: (school: string, topic: string, demand: string, share: string, gap: boolean) =>
    `${school}, ${topic}: ${demand} drøftede saker, nådd ${share}${gap ? '. Stort behov, lav dekning' : ''}`,
  noEfforts: 'Ingen kompetansetiltak er registrert.',
  noThemes: 'Ingen drøftede saker med tema i perioden.',
  tiers: { 1: 'Nivå 1 – alle', 2: 'Nivå 2 – noen', 3: 'Nivå 3 – få' } as Record<number, string>,
  noTier: 'Uten nivå',
  topics: {
    fravaer: 'Fravær',
    skolemiljo: 'Skolemiljø',
    flersprak: 'Flerspråklighet',
    forsterket_undervisning: 'Forsterket undervisning',
    tilpasset_opplaering: 'Tilpasset opplæring',
    klasseledelse: 'Klasseledelse',
    pedagogisk_analyse: 'Pedagogisk analyse',
    kartlegging: 'Kartlegging',
    overgang: 'Overganger',
    alternative_metoder: 'Alternative metoder',
    dysleksi: 'Dysleksi',
    kompetanseheving: 'Kompetanseheving',
    traumer: 'Traumer',
    psykisk_helse: 'Psykisk helse',
    iop_sakkyndig: 'IOP og sakkyndig vurdering',
    nevroutvikling: 'Nevroutviklingsforstyrrelser',
    radgiverrollen: 'Rådgiverrollen',
    annet: 'Annet',
  } as Record<string, string>,
  challengeNames: {
    fagvansker: 'Fagvansker',
    lesevansker: 'Lesevansker',
    skrivevansker: 'Skrivevansker',
    lite_utbytte: 'Lite utbytte av opplæringen',
    uro: 'Uro',
    passiv: 'Passiv, stille',
    konsentrasjon: 'Konsentrasjon',
    samspill: 'Samspillsvansker',
    oppforsel: 'Oppførsel',
    annet: 'Annet',
  } as Record<string, string>,
};

export type CompetenceStrings = typeof nb;

const en: CompetenceStrings = {
  heading: (municipality) => `Competence: ${municipality}`,
  intro: "PPT's competence efforts (tier 1 for everyone, tier 2 for some, tier 3 for a few), whom they reached, and the themes the resource teams discuss themselves.",
  timeline: 'Competence efforts over time',
  timelineAlt: (n) => `Timeline of ${n} competence efforts: start and end, coloured by tier.`,
  tierShare: 'Share of staff reached, per tier',
  tierShareAlt: 'Bar chart: share of the staff of the schools in the selection reached by efforts of each tier.',
  tierShareRule:
    'Per school the largest session of an effort of the tier counts (the same staff attend again); the sum over schools with a known staff count divided by the staff of every school in the selection with a known count.',
  reach: 'Whom the efforts reached',
  reachNote: "Reached = the school's largest session in the period divided by its staff (may pass 100 % when others than its own staff take part).",
  notReached: (effort) => `Not reached by ${effort}`,
  allReached: 'Every school in the selection has been reached.',
  themes: 'Recurring themes',
  themesNote: 'The topics of the cases the resource teams discussed in the period, ranked by the number of schools where the topic was discussed.',
  challenges: 'Challenges in individual cases',
  challengesNote: 'The challenges of the individual cases discussed in the period, ranked by the number of schools.',
  heatmap: 'Need against reach',
  heatmapAlt: 'Heatmap: schools by topics, the number of cases discussed per topic and school. Marked cells have high demand and low reach.',
  heatmapKeys: 'Use the arrow keys to move between cells.',
  reachBar: "Line at the foot of a cell: the share of the school's staff reached by efforts on the topic",
  gapRule:
    "Marked (high demand, low reach): the school is in the third of the municipality's schools with the most cases discussed on the topic, with at least two cases (one case is not a recurring theme), and efforts on the same theme reached less than half its staff (or none).",
  needs: 'Competence needs',
  needsNote: 'Per theme: demand across the schools, the efforts running and whom they reached, and the schools with the largest gap. For the municipality\'s report of competence needs.',
  needsTitle: (municipality, period, date) => `Competence needs – ${municipality} – ${period} – made ${date}`,
  printReport: 'Print report (A4)',
  effort: 'Effort',
  theme: 'Theme',
  tier: 'Tier',
  partner: 'Partner',
  targetGroup: 'Target group',
  start: 'Start',
  end: 'End',
  school: 'School',
  sessions: 'Sessions',
  participantsMax: 'Largest session',
  participantsTotal: 'Participants in all',
  staff: 'Staff',
  share: 'Share reached',
  schoolsReached: 'Schools reached',
  schools: 'Schools',
  systemCases: 'System cases',
  individualCases: 'Individual cases',
  systemMeasures: 'System measures',
  measureStaff: 'Staff benefiting from system measures',
  demand: 'Cases discussed',
  staffReachedByEfforts: 'Staff reached by efforts',
  effortsOnTheme: 'Efforts on the theme',
  gapSchools: 'Schools with the largest gap',
  gap: 'High demand, low reach',
  none: 'none',
  unknown: 'unknown',
  hidden: 'hidden',
  cell: (school, topic, demand, share, gap) => `${school}, ${topic}: ${demand} cases discussed, reached ${share}${gap ? '. High demand, low reach' : ''}`,
  noEfforts: 'No competence efforts are registered.',
  noThemes: 'No discussed cases with a topic in the period.',
  tiers: { 1: 'Tier 1 – everyone', 2: 'Tier 2 – some', 3: 'Tier 3 – few' },
  noTier: 'No tier',
  topics: {
    fravaer: 'Absence',
    skolemiljo: 'School environment',
    flersprak: 'Multilingualism',
    forsterket_undervisning: 'Reinforced teaching',
    tilpasset_opplaering: 'Adapted education',
    klasseledelse: 'Classroom management',
    pedagogisk_analyse: 'Pedagogical analysis',
    kartlegging: 'Assessment',
    overgang: 'Transitions',
    alternative_metoder: 'Alternative methods',
    dysleksi: 'Dyslexia',
    kompetanseheving: 'Competence building',
    traumer: 'Trauma',
    psykisk_helse: 'Mental health',
    iop_sakkyndig: 'IEP and expert assessment',
    nevroutvikling: 'Neurodevelopmental disorders',
    radgiverrollen: "The counsellor's role",
    annet: 'Other',
  },
  challengeNames: {
    fagvansker: 'Subject difficulties',
    lesevansker: 'Reading difficulties',
    skrivevansker: 'Writing difficulties',
    lite_utbytte: 'Little benefit from teaching',
    uro: 'Restlessness',
    passiv: 'Passive, quiet',
    konsentrasjon: 'Concentration',
    samspill: 'Social interaction',
    oppforsel: 'Behaviour',
    annet: 'Other',
  },
};

export function competenceStrings(lang: Lang): CompetenceStrings {
  return lang === 'en' ? en : nb;
}

/** A topic in words; an unknown code as given. */
export function topicLabel(code: string | null, s: CompetenceStrings): string {
  if (code === null) return '–';
  return Object.hasOwn(s.topics, code) ? s.topics[code]! : code;
}

/** A challenge category in words; an unknown code as given. */
export function challengeLabel(code: string, s: CompetenceStrings): string {
  return Object.hasOwn(s.challengeNames, code) ? s.challengeNames[code]! : code;
}

export function tierLabel(tier: number | null, s: CompetenceStrings): string {
  return tier !== null && Object.hasOwn(s.tiers, tier) ? s.tiers[tier]! : s.noTier;
}
