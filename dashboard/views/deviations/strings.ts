/**
 * The deviations page's words in bokmål, English and Swedish, kept beside the view (the
 * shared dictionaries hold only its menu entry). Agencies in words; a code the list does not
 * know is shown as given.
 */
import type { Lang } from '../../i18n/lang.ts';

const nb = {
  heading: (municipality: string) => `Avvik: ${municipality}`,
  intro:
    'Avvik er samarbeidsproblemer mellom instanser rundt et barn (skole, barnevern, BUP, barnemedisin, habilitering, PPT, helsetjeneste) som ikke kan løses lokalt, eller som er prinsipielle. Instansen som får et avvik, skal svare innen to måneder.',
  bySchool: (m: string) => `Avvik per skole i ${m}`,
  byMunicipality: 'Avvik per kommune',
  byAgency: 'Avvik per instans',
  byAgencyAlt: (m: string, total: string) => `Stolpediagram: antall avvik meldt i perioden i ${m} som gjelder hver instans (i alt ${total} avvik; et avvik gjelder minst to instanser).`,
  byAgencyNote: 'Et avvik telles én gang for hver instans det gjelder, så summen er større enn antall avvik.',
  agencyBySchool: 'Avvik per skole og instans',
  agency: 'Instans',
  deviations: 'Avvik',
  shareOfReported: 'Andel av avvikene',
  openAndOverdueNote: (days: number) => `Åpne: ikke lukket ved periodens slutt. Uten svar: eldre enn ${days} dager på telledatoen, verken besvart eller lukket.`,
  hiddenAgencies: 'Fordelingen på instanser er skjult av hensyn til personvernet.',
  noDeviations: 'Ingen avvik meldt i perioden.',
  hidden: 'skjult',
  agencies: {
    school: 'Skole',
    social_services: 'Barnevern',
    child_psychiatry: 'BUP',
    child_medicine: 'Barnemedisin',
    habilitation: 'Habilitering',
    ppt: 'PPT',
    health: 'Helsestasjon og skolehelsetjeneste',
    other: 'Annet',
  } as Record<string, string>,
  files: { bySchool: 'avvik skoler', byMunicipality: 'avvik kommuner', byAgency: 'avvik per instans', agencyBySchool: 'avvik skole og instans' },
};

export type DeviationStrings = typeof nb;

const en: DeviationStrings = {
  heading: (municipality) => `Deviations: ${municipality}`,
  intro:
    'Deviations are cooperation problems between agencies around a child (school, child welfare, child psychiatry, child medicine, habilitation, PPT, health services) that cannot be solved locally, or that are of principle. The agency that receives one is expected to answer within two months.',
  bySchool: (m) => `Deviations per school in ${m}`,
  byMunicipality: 'Deviations per municipality',
  byAgency: 'Deviations per agency',
  byAgencyAlt: (m, total) => `Bar chart: the deviations reported in the period in ${m} that concern each agency (${total} deviations in all; a deviation concerns at least two agencies).`,
  byAgencyNote: 'A deviation counts once for each agency it concerns, so the sum exceeds the number of deviations.',
  agencyBySchool: 'Deviations per school and agency',
  agency: 'Agency',
  deviations: 'Deviations',
  shareOfReported: 'Share of the deviations',
  openAndOverdueNote: (days) => `Open: not resolved by the end of the period. Without an answer: older than ${days} days on the as-of date, neither answered nor resolved.`,
  hiddenAgencies: 'The distribution over agencies is hidden for privacy.',
  noDeviations: 'No deviations reported in the period.',
  hidden: 'hidden',
  agencies: {
    school: 'School',
    social_services: 'Child welfare',
    child_psychiatry: 'Child psychiatry',
    child_medicine: 'Child medicine',
    habilitation: 'Habilitation',
    ppt: 'PPT',
    health: 'Health services',
    other: 'Other',
  },
  files: { bySchool: 'deviations schools', byMunicipality: 'deviations municipalities', byAgency: 'deviations per agency', agencyBySchool: 'deviations school and agency' },
};

/** Swedish: Stockholm's words (avvikelse, verksamhet, socialtjänst, BUP, elevhälsa). */
const sv: DeviationStrings = {
  heading: (municipality) => `Avvikelser: ${municipality}`,
  intro:
    'Avvikelser är samverkansproblem mellan verksamheter kring ett barn (skola, socialtjänst, BUP, barnmedicin, habilitering, elevhälsa, hälso- och sjukvård) som inte kan lösas lokalt, eller som är principiella. Verksamheten som tar emot en avvikelse ska svara inom två månader.',
  bySchool: (m) => `Avvikelser per skola i ${m}`,
  byMunicipality: 'Avvikelser per kommun',
  byAgency: 'Avvikelser per verksamhet',
  byAgencyAlt: (m, total) => `Stapeldiagram: antal avvikelser rapporterade i perioden i ${m} som gäller varje verksamhet (totalt ${total} avvikelser; en avvikelse gäller minst två verksamheter).`,
  byAgencyNote: 'En avvikelse räknas en gång för varje verksamhet den gäller, så summan är större än antalet avvikelser.',
  agencyBySchool: 'Avvikelser per skola och verksamhet',
  agency: 'Verksamhet',
  deviations: 'Avvikelser',
  shareOfReported: 'Andel av avvikelserna',
  openAndOverdueNote: (days) => `Öppna: inte åtgärdade vid periodens slut. Utan svar: äldre än ${days} dagar på räknedatumet, varken besvarade eller åtgärdade.`,
  hiddenAgencies: 'Fördelningen på verksamheter är dold av hänsyn till integriteten.',
  noDeviations: 'Inga avvikelser rapporterade i perioden.',
  hidden: 'dolt',
  agencies: {
    school: 'Skola',
    social_services: 'Socialtjänst',
    child_psychiatry: 'BUP',
    child_medicine: 'Barnmedicin',
    habilitation: 'Habilitering',
    ppt: 'Elevhälsa (PPT)',
    health: 'Hälso- och sjukvård',
    other: 'Annat',
  },
  files: { bySchool: 'avvikelser skolor', byMunicipality: 'avvikelser kommuner', byAgency: 'avvikelser per verksamhet', agencyBySchool: 'avvikelser skola och verksamhet' },
};

const byLang: Readonly<Record<Lang, DeviationStrings>> = { nb, en, sv };

export function deviationStrings(lang: Lang): DeviationStrings {
  return byLang[lang];
}

/** An agency in words; an unknown code as given. */
export function agencyLabel(code: string, s: DeviationStrings): string {
  return Object.hasOwn(s.agencies, code) ? s.agencies[code]! : code;
}
