/**
 * Per tier, the share of the selection's staff reached: per school the largest session of
 * any effort of that tier (the same staff attend several efforts of a tier as they attend
 * several sessions of one, so summing would count them twice), summed over schools whose
 * staff is known, divided by the staff of every school in the selection whose staff is known
 * (null when that is 0). The same rule as the contract's `staff_reach_share` of one effort,
 * applied to a tier's efforts together.
 */
import type { Competence } from '../../api/types.ts';

export interface TierReach {
  /** 1, 2, 3, or null for efforts without a tier. */
  readonly tier: number | null;
  readonly staff_reached: number;
  readonly staff_known: number;
  readonly share: number | null;
}

export function tierReach(data: Pick<Competence, 'efforts' | 'reach' | 'schools'>): TierReach[] {
  const tierOf = new Map(data.efforts.map((e) => [e.effort_id, e.tier]));
  const staffKnown = data.schools.reduce((sum, s) => sum + (s.staff ?? 0), 0);
  const knownStaff = new Set(data.schools.filter((s) => s.staff !== null).map((s) => s.school_id));
  const tiers = [...new Set(data.efforts.map((e) => e.tier))].sort((a, b) => (a ?? 99) - (b ?? 99));
  return tiers.map((tier) => {
    const largest = new Map<string, number>();
    for (const r of data.reach) {
      if (tierOf.get(r.effort_id) !== tier || !knownStaff.has(r.school_id)) continue;
      largest.set(r.school_id, Math.max(largest.get(r.school_id) ?? 0, r.participants_max));
    }
    const reached = [...largest.values()].reduce((a, b) => a + b, 0);
    return { tier, staff_reached: reached, staff_known: staffKnown, share: staffKnown > 0 ? reached / staffKnown : null };
  });
}
