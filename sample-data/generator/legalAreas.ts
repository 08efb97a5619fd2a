/** Which chapter of the Education Act a case falls under, given its topic. */
import type { Random } from './random.ts';
import type { Topic } from './topics.ts';

type LegalArea = 'kap11' | 'kap12' | 'sprak' | 'naervaer' | 'annet';
type Mix = readonly (readonly [LegalArea, number])[];

const byTopic: Readonly<Partial<Record<Topic, Mix>>> = {
  fravaer: [['naervaer', 8], ['kap12', 1], ['annet', 1]],
  skolemiljo: [['kap12', 9], ['annet', 1]],
  flersprak: [['sprak', 8.5], ['kap11', 1.5]],
  klasseledelse: [['kap12', 5], ['kap11', 3], ['annet', 2]],
  pedagogisk_analyse: [['kap11', 6], ['kap12', 4]],
  overgang: [['kap11', 6], ['annet', 4]],
  kompetanseheving: [['annet', 6], ['kap11', 2], ['kap12', 2]],
  traumer: [['kap12', 6], ['annet', 3], ['kap11', 1]],
  psykisk_helse: [['kap12', 5], ['naervaer', 2], ['annet', 3]],
  nevroutvikling: [['kap11', 8], ['kap12', 2]],
  radgiverrollen: [['annet', 7], ['kap12', 3]],
  annet: [['annet', 6], ['kap11', 2], ['kap12', 2]],
};

const adaptedTeaching: Mix = [['kap11', 1]];

/** A legal area for the topic; empty now and then, as in real exports. */
export function legalAreaFor(rng: Random, topic: Topic | undefined): LegalArea | undefined {
  if (topic === undefined || rng.chance(0.08)) return undefined;
  const mix = byTopic[topic] ?? adaptedTeaching;
  return mix[rng.weighted(mix.map(([, w]) => w))]?.[0];
}
