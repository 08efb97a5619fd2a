/**
 * How often each recommended topic comes up, for system cases and for cases about a pupil,
 * how that shifts with the school level, and the short Norwegian label used in titles.
 */
import { recommendedTopics } from '../../etl/contract/vocabularies.ts';

export type Topic = (typeof recommendedTopics)[number];
export type SchoolLevel = 'barneskole' | 'ungdomsskole' | 'kombinert';

export const topics: readonly Topic[] = recommendedTopics;

type TopicTable = Readonly<Record<Topic, number>>;

/** Relative frequency of topics on cases about a pupil (individual and anonymous). */
export const pupilTopicWeights: TopicTable = {
  fravaer: 10, skolemiljo: 9, flersprak: 4, forsterket_undervisning: 5, tilpasset_opplaering: 12,
  klasseledelse: 2, pedagogisk_analyse: 3, kartlegging: 9, overgang: 3, alternative_metoder: 2,
  dysleksi: 7, kompetanseheving: 0.5, traumer: 4, psykisk_helse: 7, iop_sakkyndig: 5,
  nevroutvikling: 8, radgiverrollen: 0.5, annet: 4,
};

/** Relative frequency of topics on system cases (the school's learning environment and practice). */
export const systemTopicWeights: TopicTable = {
  fravaer: 8, skolemiljo: 12, flersprak: 3, forsterket_undervisning: 2, tilpasset_opplaering: 6,
  klasseledelse: 10, pedagogisk_analyse: 6, kartlegging: 4, overgang: 5, alternative_metoder: 2,
  dysleksi: 1, kompetanseheving: 8, traumer: 2, psykisk_helse: 4, iop_sakkyndig: 2,
  nevroutvikling: 2, radgiverrollen: 3, annet: 3,
};

/** Multipliers by level: absence and mental health grow with age, screening shrinks. */
export const levelTopicFactors: Readonly<Record<SchoolLevel, Partial<Record<Topic, number>>>> = {
  barneskole: { fravaer: 0.6, psykisk_helse: 0.5, radgiverrollen: 0.1, kartlegging: 1.4, dysleksi: 1.3, overgang: 0.8 },
  ungdomsskole: { fravaer: 2, psykisk_helse: 2, radgiverrollen: 3, overgang: 1.3, dysleksi: 0.6, kartlegging: 0.6 },
  kombinert: {},
};

export const topicLabels: Readonly<Record<Topic, string>> = {
  fravaer: 'fravær og nærvær',
  skolemiljo: 'trygt og godt skolemiljø',
  flersprak: 'flerspråklige elever',
  forsterket_undervisning: 'forsterket undervisning',
  tilpasset_opplaering: 'tilpasset opplæring',
  klasseledelse: 'klasseledelse',
  pedagogisk_analyse: 'pedagogisk analyse',
  kartlegging: 'kartlegging',
  overgang: 'overganger',
  alternative_metoder: 'alternative metoder',
  dysleksi: 'lese- og skrivevansker',
  kompetanseheving: 'kompetanseheving',
  traumer: 'traumebevisst praksis',
  psykisk_helse: 'psykisk helse',
  iop_sakkyndig: 'IOP og sakkyndig vurdering',
  nevroutvikling: 'nevroutviklingsforstyrrelser',
  radgiverrollen: 'rådgiverrollen',
  annet: 'annet',
};

/** The weights of one school: the base table, its level, its own emphasis and noise. */
export function schoolTopicWeights(
  base: TopicTable,
  level: SchoolLevel,
  multipliers: Readonly<Record<Topic, number>>,
): number[] {
  const byLevel = levelTopicFactors[level];
  return topics.map((t) => base[t] * (byLevel[t] ?? 1) * multipliers[t]);
}
