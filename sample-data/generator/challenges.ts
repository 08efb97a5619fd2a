/** The pupil's challenges on an individual case, drawn to fit the case's topic. */
import { challenges as challengeVocabulary } from '../../etl/contract/vocabularies.ts';
import type { Random } from './random.ts';
import type { Topic } from './topics.ts';

const byTopic: Readonly<Partial<Record<Topic, readonly string[]>>> = {
  dysleksi: ['lesevansker', 'skrivevansker'],
  kartlegging: ['fagvansker', 'lesevansker', 'lite_utbytte'],
  tilpasset_opplaering: ['fagvansker', 'lite_utbytte', 'passiv'],
  forsterket_undervisning: ['fagvansker', 'lite_utbytte'],
  iop_sakkyndig: ['fagvansker', 'lite_utbytte'],
  nevroutvikling: ['konsentrasjon', 'uro', 'samspill'],
  skolemiljo: ['samspill', 'oppforsel', 'uro'],
  psykisk_helse: ['passiv', 'annet'],
  fravaer: ['passiv', 'annet', 'lite_utbytte'],
  traumer: ['uro', 'passiv', 'samspill', 'konsentrasjon'],
  flersprak: ['fagvansker', 'lite_utbytte', 'lesevansker'],
};

const general = ['fagvansker', 'uro', 'konsentrasjon', 'samspill', 'oppforsel', 'passiv'];
const order = challengeVocabulary.codes;

/** One to three challenges joined with `|` in vocabulary order, or empty (about one in ten). */
export function challengesFor(rng: Random, topic: Topic | undefined): string | undefined {
  if (rng.chance(0.1)) return undefined;
  const likely = (topic && byTopic[topic]) || general;
  const count = 1 + rng.weighted([0.5, 0.35, 0.15]);
  const chosen = new Set<string>([rng.pick(likely)]);
  for (let i = 1; i < count; i++) chosen.add(rng.chance(0.7) ? rng.pick(likely) : rng.pick(general));
  return order.filter((c) => chosen.has(c)).join('|');
}
