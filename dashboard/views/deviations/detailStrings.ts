/**
 * The words of the deviations page's details (the list of open deviations, the agency-pair
 * matrix, the categories) and of the regional A4 report, in bokmål, English and Swedish; kept
 * apart from strings.ts so the two grow without touching each other.
 */
import type { Lang } from '../../i18n/lang.ts';

const nb = {
  openList: 'Åpne avvik',
  openListCount: (n: string) => `Åpne avvik (${n})`,
  openListNote: (days: number) =>
    `Avvik som ikke var lukket ved periodens slutt, eldst først. Dager åpen: fra avvikets dato til periodens slutt (eller telledatoen, om den er før). «Uten svar» er eldre enn ${days} dager og verken besvart eller lukket på telledatoen. Avvikene har ingen fritekst.`,
  noOpen: 'Ingen åpne avvik ved periodens slutt.',
  withheld: 'Listen over åpne avvik og fordelingen på instanspar og kategorier vises bare for skoler i ditt område.',
  fields: {
    deviation_id: 'Avvik-ID',
    school: 'Skole',
    date: 'Dato',
    agencies: 'Instanser',
    category: 'Kategori',
    days_open: 'Dager åpen',
    answer_overdue: 'Uten svar',
  },
  yes: 'ja',
  no: 'nei',
  sortBy: (column: string) => `Sorter etter ${column}`,
  pairs: 'Avvik per instanspar',
  pairsAlt: (m: string, n: string) => `Matrise: antall avvik meldt i perioden i ${m} som gjelder hvert par av instanser (${n} par med avvik). Tallene står i tabellen under.`,
  pairsNote: 'Hver celle er avvikene meldt i perioden som gjelder begge instansene. Et avvik som gjelder tre instanser, telles i tre par.',
  pairA: 'Instans',
  pairB: 'Og instans',
  noPairs: 'Ingen avvik meldt i perioden.',
  categories: 'Avvik per kategori',
  categoriesAlt: (m: string) => `Stolpediagram: avvik per kategori i ${m}, meldt i perioden, åpne ved periodens slutt og uten svar etter to måneder. Tallene står i tabellen under.`,
  categoryColumns: { reported: 'Meldt i perioden', open: 'Åpne', answer_overdue: 'Uten svar etter 60 dager' },
  categoryNames: { information: 'Informasjon', availability: 'Tilgjengelighet', responsibility: 'Ansvar', waiting_time: 'Ventetid', other: 'Annet' } as Record<string, string>,
  noCategory: 'Ikke oppgitt',
  noCategories: 'Ingen avvik i perioden.',
  report: {
    link: 'Rapport til regionalt nivå (A4)',
    back: 'Tilbake til avvikene',
    print: 'Skriv ut eller lagre som PDF',
    heading: (m: string) => `Avviksrapport til regionalt nivå: ${m}`,
    intro: (from: string, to: string, asOf: string, made: string) => `Perioden ${from}–${to}, telt per ${asOf}. Laget ${made}. Bare tall: rapporten nevner ingen avvik enkeltvis.`,
    keyFigures: 'Nøkkeltall for avvik',
    figure: 'Nøkkeltall',
    value: 'Verdi',
    bySchool: 'Per skole',
    breakdown: 'Hvilke instanser og kategorier',
  },
  files: { openList: 'apne avvik', pairs: 'avvik per instanspar', categories: 'avvik per kategori', report: 'avviksrapport' },
};

export type DeviationDetailStrings = typeof nb;

const en: DeviationDetailStrings = {
  openList: 'Open deviations',
  openListCount: (n) => `Open deviations (${n})`,
  openListNote: (days) =>
    `Deviations not resolved by the end of the period, oldest first. Days open: from the deviation's date to the end of the period (or the as-of date, if earlier). "Without an answer": older than ${days} days and neither answered nor resolved on the as-of date. Deviations hold no free text.`,
  noOpen: 'No open deviations at the end of the period.',
  withheld: 'The list of open deviations and the breakdowns by agency pair and category are shown only for schools in your scope.',
  fields: {
    deviation_id: 'Deviation id',
    school: 'School',
    date: 'Date',
    agencies: 'Agencies',
    category: 'Category',
    days_open: 'Days open',
    answer_overdue: 'Without an answer',
  },
  yes: 'yes',
  no: 'no',
  sortBy: (column) => `Sort by ${column}`,
  pairs: 'Deviations per pair of agencies',
  pairsAlt: (m, n) => `Matrix: the deviations reported in the period in ${m} that concern each pair of agencies (${n} pairs with deviations). The numbers are in the table below.`,
  pairsNote: 'Each cell is the deviations reported in the period that concern both agencies. A deviation that concerns three agencies counts in three pairs.',
  pairA: 'Agency',
  pairB: 'And agency',
  noPairs: 'No deviations reported in the period.',
  categories: 'Deviations per category',
  categoriesAlt: (m) => `Bar chart: deviations per category in ${m}, reported in the period, open at its end and without an answer after two months. The numbers are in the table below.`,
  categoryColumns: { reported: 'Reported in the period', open: 'Open', answer_overdue: 'Without an answer after 60 days' },
  categoryNames: { information: 'Information', availability: 'Availability', responsibility: 'Responsibility', waiting_time: 'Waiting time', other: 'Other' },
  noCategory: 'Not given',
  noCategories: 'No deviations in the period.',
  report: {
    link: 'Report for the regional level (A4)',
    back: 'Back to the deviations',
    print: 'Print or save as PDF',
    heading: (m) => `Deviation report for the regional level: ${m}`,
    intro: (from, to, asOf, made) => `The period ${from}–${to}, as of ${asOf}. Made ${made}. Numbers only: the report names no single deviation.`,
    keyFigures: 'Deviation key figures',
    figure: 'Key figure',
    value: 'Value',
    bySchool: 'Per school',
    breakdown: 'Which agencies and categories',
  },
  files: { openList: 'open deviations', pairs: 'deviations per agency pair', categories: 'deviations per category', report: 'deviation report' },
};

/** Swedish: Stockholm's words (avvikelse, verksamhet, besvarad, åtgärdad). */
const sv: DeviationDetailStrings = {
  openList: 'Öppna avvikelser',
  openListCount: (n) => `Öppna avvikelser (${n})`,
  openListNote: (days) =>
    `Avvikelser som inte var åtgärdade vid periodens slut, äldst först. Dagar öppen: från avvikelsens datum till periodens slut (eller räknedatumet, om det är tidigare). ”Utan svar”: äldre än ${days} dagar och varken besvarad eller åtgärdad på räknedatumet. Avvikelserna innehåller ingen fritext.`,
  noOpen: 'Inga öppna avvikelser vid periodens slut.',
  withheld: 'Listan över öppna avvikelser och fördelningen på verksamhetspar och kategorier visas bara för skolor inom ditt område.',
  fields: {
    deviation_id: 'Avvikelse-id',
    school: 'Skola',
    date: 'Datum',
    agencies: 'Verksamheter',
    category: 'Kategori',
    days_open: 'Dagar öppen',
    answer_overdue: 'Utan svar',
  },
  yes: 'ja',
  no: 'nej',
  sortBy: (column) => `Sortera efter ${column}`,
  pairs: 'Avvikelser per verksamhetspar',
  pairsAlt: (m, n) => `Matris: antal avvikelser rapporterade i perioden i ${m} som gäller varje par av verksamheter (${n} par med avvikelser). Talen står i tabellen nedan.`,
  pairsNote: 'Varje cell är de avvikelser rapporterade i perioden som gäller båda verksamheterna. En avvikelse som gäller tre verksamheter räknas i tre par.',
  pairA: 'Verksamhet',
  pairB: 'Och verksamhet',
  noPairs: 'Inga avvikelser rapporterade i perioden.',
  categories: 'Avvikelser per kategori',
  categoriesAlt: (m) => `Stapeldiagram: avvikelser per kategori i ${m}, rapporterade i perioden, öppna vid periodens slut och utan svar efter två månader. Talen står i tabellen nedan.`,
  categoryColumns: { reported: 'Rapporterade i perioden', open: 'Öppna', answer_overdue: 'Utan svar efter 60 dagar' },
  categoryNames: { information: 'Information', availability: 'Tillgänglighet', responsibility: 'Ansvar', waiting_time: 'Väntetid', other: 'Annat' },
  noCategory: 'Ej angiven',
  noCategories: 'Inga avvikelser i perioden.',
  report: {
    link: 'Rapport till regional nivå (A4)',
    back: 'Tillbaka till avvikelserna',
    print: 'Skriv ut eller spara som PDF',
    heading: (m) => `Avvikelserapport till regional nivå: ${m}`,
    intro: (from, to, asOf, made) => `Perioden ${from}–${to}, räknat per ${asOf}. Skapad ${made}. Bara tal: rapporten nämner ingen enskild avvikelse.`,
    keyFigures: 'Nyckeltal för avvikelser',
    figure: 'Nyckeltal',
    value: 'Värde',
    bySchool: 'Per skola',
    breakdown: 'Vilka verksamheter och kategorier',
  },
  files: { openList: 'oppna avvikelser', pairs: 'avvikelser per verksamhetspar', categories: 'avvikelser per kategori', report: 'avvikelserapport' },
};

const byLang: Readonly<Record<Lang, DeviationDetailStrings>> = { nb, en, sv };

export function deviationDetailStrings(lang: Lang): DeviationDetailStrings {
  return byLang[lang];
}

/** A category in words; none given, or a code the list does not know, as such. */
export function categoryLabel(code: string | null, s: DeviationDetailStrings): string {
  if (code === null) return s.noCategory;
  return Object.hasOwn(s.categoryNames, code) ? s.categoryNames[code]! : code;
}
