/**
 * The needs report ("Kompetansebehov"), one row per theme: the topics discussed (ranked as
 * the recurring themes) and then the themes of efforts nobody discussed; the demand across
 * schools, the efforts on the theme with the staff they reached, and the schools with a gap
 * (demandGaps.ts), largest demand first.
 */
import type { Competence } from '../../api/types.ts';
import type { GapCell } from './demandGaps.ts';
import type { TopicSummary } from './topicRanking.ts';

export interface NeedsRow {
  readonly topic: string;
  readonly schools: number;
  readonly system_cases: number;
  readonly individual_part_cases: number;
  readonly system_measures_started: number;
  readonly measure_staff_reached: number;
  /** The efforts on the theme, with the share of the selection's staff each reached. */
  readonly efforts: ReadonlyArray<{ readonly name: string; readonly share: number | null }>;
  readonly effort_staff_reached: number;
  readonly gap_schools: readonly string[];
}

export function needsReport(data: Competence, topics: readonly TopicSummary[], cells: readonly GapCell[]): NeedsRow[] {
  const effortThemes = [...new Set(data.efforts.map((e) => e.theme).filter((t): t is string => t !== null))];
  const empty = (topic: string): TopicSummary => ({ topic, schools: 0, system_cases: 0, individual_part_cases: 0, system_measures_started: 0, staff_reached: 0, hiddenSchools: 0 });
  const rows = [...topics, ...effortThemes.filter((t) => !topics.some((s) => s.topic === t)).sort().map(empty)];
  return rows.map((s) => {
    const efforts = data.efforts.filter((e) => e.theme === s.topic);
    const gaps = cells.filter((c) => c.topic === s.topic && c.gap).sort((a, b) => b.demand - a.demand || a.school_name.localeCompare(b.school_name, 'nb'));
    return {
      topic: s.topic,
      schools: s.schools,
      system_cases: s.system_cases,
      individual_part_cases: s.individual_part_cases,
      system_measures_started: s.system_measures_started,
      measure_staff_reached: s.staff_reached,
      efforts: efforts.map((e) => ({ name: e.name, share: e.staff_reach_share })),
      effort_staff_reached: efforts.reduce((sum, e) => sum + e.staff_reached, 0),
      gap_schools: gaps.map((c) => c.school_name),
    };
  });
}
