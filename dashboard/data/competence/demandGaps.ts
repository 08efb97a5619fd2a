/**
 * Need against reach, per school and topic, and the rule that marks high demand with low
 * reach (stated on the page):
 * - demand = the school's discussed system and individual-part cases on the topic (a hidden
 *   individual-part count is left out and the cell says so);
 * - high demand = in the top third of the municipality's schools in the selection for that
 *   topic: with n schools, at least the demand of the ⌈n/3⌉-th highest (ties included), and
 *   at least `minGapDemand` (2) cases: a theme "goes again" (the Bærum guide's question) only
 *   when it came up more than once; one case is one child's matter, not a need for the staff,
 *   and in a municipality where most schools have none on a topic a single case would
 *   otherwise be top third on its own;
 * - reach = the largest share of the school's staff reached by an effort whose theme is the
 *   topic; 0 when no such effort reached the school; unknown (null) when it did but the
 *   school's staff is unknown or 0;
 * - a gap = high demand and a known reach below one half.
 */
import type { Competence } from '../../api/types.ts';

export interface GapCell {
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
  readonly topic: string;
  readonly demand: number;
  /** The individual-part count is hidden from this viewer (demand counts system cases only). */
  readonly demandHidden: boolean;
  /** An effort on the topic reached the school. */
  readonly reached: boolean;
  readonly reachShare: number | null;
  readonly highDemand: boolean;
  readonly gap: boolean;
}

export const gapReachLimit = 0.5;

/** The fewest cases discussed on a topic that can make a school's demand high (see above). */
export const minGapDemand = 2;

/** The demand a school must reach to be in the top third of `values` (n schools). */
export function topThirdCutoff(values: readonly number[]): number {
  if (values.length === 0) return Infinity;
  const sorted = [...values].sort((a, b) => b - a);
  return sorted[Math.ceil(sorted.length / 3) - 1]!;
}

/** One cell per school in the selection × topic in `topics`, in the order given. */
export function demandGaps(data: Competence, topics: readonly string[]): GapCell[] {
  const demandOf = new Map<string, { demand: number; hidden: boolean }>();
  for (const d of data.demand) demandOf.set(`${d.school_id}|${d.topic}`, { demand: d.system_cases + (d.individual_part_cases ?? 0), hidden: d.individual_part_cases === null });
  const themeOf = new Map(data.efforts.map((e) => [e.effort_id, e.theme]));
  const shares = new Map<string, Array<number | null>>();
  for (const r of data.reach) {
    const key = `${r.school_id}|${themeOf.get(r.effort_id)}`;
    shares.set(key, [...(shares.get(key) ?? []), r.reach_share]);
  }
  const cutoffs = new Map<string, number>();
  for (const topic of topics) {
    for (const municipality of new Set(data.schools.map((s) => s.municipality))) {
      const values = data.schools.filter((s) => s.municipality === municipality).map((s) => demandOf.get(`${s.school_id}|${topic}`)?.demand ?? 0);
      cutoffs.set(`${municipality}|${topic}`, topThirdCutoff(values));
    }
  }
  return data.schools.flatMap((s) =>
    topics.map((topic) => {
      const d = demandOf.get(`${s.school_id}|${topic}`) ?? { demand: 0, hidden: false };
      const found = shares.get(`${s.school_id}|${topic}`);
      const known = (found ?? []).filter((v): v is number => v !== null);
      const reachShare = !found ? 0 : known.length ? Math.max(...known) : null;
      const highDemand = d.demand >= minGapDemand && d.demand >= cutoffs.get(`${s.municipality}|${topic}`)!;
      return {
        school_id: s.school_id,
        school_name: s.school_name,
        municipality: s.municipality,
        topic,
        demand: d.demand,
        demandHidden: d.hidden,
        reached: found !== undefined,
        reachShare,
        highDemand,
        gap: highDemand && reachShare !== null && reachShare < gapReachLimit,
      };
    }),
  );
}
