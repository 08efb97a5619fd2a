/** Every kind of the contract, in the order a batch loads them (referenced kinds first). */
import { cases } from './cases.ts';
import { competenceEfforts } from './competenceEfforts.ts';
import { competenceParticipation } from './competenceParticipation.ts';
import { deviations } from './deviations.ts';
import { discussions } from './discussions.ts';
import { measures } from './measures.ts';
import { meetings } from './meetings.ts';
import { schools } from './schools.ts';
import type { KindName, KindSpec } from './types.ts';
import { yearwheel } from './yearwheel.ts';

export const kinds: readonly KindSpec[] = [
  schools,
  competenceEfforts,
  meetings,
  cases,
  discussions,
  measures,
  yearwheel,
  competenceParticipation,
  deviations,
];

export const kindByName: ReadonlyMap<KindName, KindSpec> = new Map(kinds.map((k) => [k.kind, k]));

export function kindSpec(name: KindName): KindSpec {
  const spec = kindByName.get(name);
  if (!spec) throw new Error(`unknown kind ${name}`);
  return spec;
}

export type { ColumnSpec, ColumnType, KindName, KindSpec, RowRule, Vocabulary } from './types.ts';
