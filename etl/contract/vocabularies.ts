/**
 * The closed vocabularies of the contract, with their Norwegian and Swedish aliases (normalised
 * form: `Inställt` is `installt`). A Swedish alias never names another code than a Norwegian
 * one of the same spelling would.
 */
import type { Vocabulary } from './types.ts';

function vocabulary(name: string, codes: readonly string[], aliases: Record<string, string> = {}): Vocabulary {
  return { name, codes, aliases };
}

export const schoolLevel = vocabulary('skoletype', ['barneskole', 'ungdomsskole', 'kombinert']);

export const meetingStatus = vocabulary('status', ['held', 'cancelled'], {
  gjennomfort: 'held',
  avlyst: 'cancelled',
  genomfort: 'held',
  installt: 'cancelled',
});

export const roles = vocabulary('rolle', [
  'rektor',
  'avdelingsleder',
  'inspektor',
  'spesped_koordinator',
  'ppt',
  'helsesykepleier',
  'miljolaerer',
  'sosiallaerer',
  'radgiver',
  'kontaktlaerer',
  'laererrepresentant',
  'flerspraklig_koordinator',
  'barnevern',
  'bup',
  'logoped',
  'psykisk_helseteam',
  'flyktningetjeneste',
  'tgl',
  'fbu',
  'ungdom_og_fritid',
  'foresatte',
  'elev',
  'annet',
], {
  // Swedish titles in an elevhälsoteam, mapped to the Norwegian role that does the same work.
  specialpedagog: 'spesped_koordinator',
  skolskoterska: 'helsesykepleier',
  kurator: 'sosiallaerer',
  skolpsykolog: 'ppt',
  studie_och_yrkesvagledare: 'radgiver',
  mentor: 'kontaktlaerer',
});

export const caseKind = vocabulary('sakstype', ['system', 'individual', 'anonymous'], {
  systemsak: 'system',
  individsak: 'individual',
  anonym: 'anonymous',
  systemarende: 'system',
  individarende: 'individual',
  anonymt: 'anonymous',
});

export const legalArea = vocabulary('lovområde', ['kap11', 'kap12', 'sprak', 'naervaer', 'annet']);

export const challenges = vocabulary(
  'utfordring',
  ['fagvansker', 'lesevansker', 'skrivevansker', 'lite_utbytte', 'uro', 'passiv', 'konsentrasjon', 'samspill', 'oppforsel', 'annet'],
  { urolig: 'uro', passiv_stille: 'passiv', samspillsvansker: 'samspill' },
);

export const outcome = vocabulary('utfall', ['resolved', 'referred_ppt', 'referred_other'], {
  avsluttet: 'resolved',
  henvist_ppt: 'referred_ppt',
  henvist_annen: 'referred_other',
  avslutat: 'resolved',
  remiss_ppt: 'referred_ppt',
  remitterad_ppt: 'referred_ppt',
  remitterad_annan: 'referred_other',
});

export const measureLevel = vocabulary('tiltaksnivå', ['system', 'individual'], {
  systemtiltak: 'system',
  individtiltak: 'individual',
  systematgard: 'system',
  individatgard: 'individual',
});

export const yearwheelActivity = vocabulary(
  'aktivitet',
  ['meeting', 'tgl_visit', 'survey_review', 'annual_review', 'system_theme', 'other'],
  {
    mote: 'meeting',
    tgl_besok: 'tgl_visit',
    gjennomgang_kartlegging: 'survey_review',
    arlig_evaluering: 'annual_review',
    systemtema: 'system_theme',
    annet: 'other',
  },
);

/** The agencies a deviation concerns (contract section 1, deviations). */
export const agencies = vocabulary(
  'instans',
  ['school', 'social_services', 'child_psychiatry', 'child_medicine', 'habilitation', 'ppt', 'health', 'other'],
  {
    skole: 'school',
    skola: 'school',
    barnevern: 'social_services',
    socialtjanst: 'social_services',
    bup: 'child_psychiatry',
    barnemedisin: 'child_medicine',
    barnmedicin: 'child_medicine',
    habilitering: 'habilitation',
    pp_tjenesten: 'ppt',
    elevhalsa: 'ppt',
    helsestasjon: 'health',
    skolehelsetjenesten: 'health',
    halso_och_sjukvard: 'health',
    annet: 'other',
    annat: 'other',
  },
);

export const deviationCategory = vocabulary(
  'avvikskategori',
  ['information', 'availability', 'responsibility', 'waiting_time', 'other'],
  {
    informasjon: 'information',
    tilgjengelighet: 'availability',
    tillganglighet: 'availability',
    ansvar: 'responsibility',
    ventetid: 'waiting_time',
    vantetid: 'waiting_time',
    annet: 'other',
    annat: 'other',
  },
);

/** Recommended topics: an open list, shown in the docs and used by the sample data. */
export const recommendedTopics = [
  'fravaer',
  'skolemiljo',
  'flersprak',
  'forsterket_undervisning',
  'tilpasset_opplaering',
  'klasseledelse',
  'pedagogisk_analyse',
  'kartlegging',
  'overgang',
  'alternative_metoder',
  'dysleksi',
  'kompetanseheving',
  'traumer',
  'psykisk_helse',
  'iop_sakkyndig',
  'nevroutvikling',
  'radgiverrollen',
  'annet',
] as const;
