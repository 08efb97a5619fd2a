/**
 * Recurring themes: per topic, in how many schools cases on it were discussed (system or
 * individual-part cases), and the sums over the schools of the four demand figures; ranked
 * by the number of schools, then by cases discussed, then by code. A school's hidden
 * individual-part count (suppressed by the server) is left out of the sums and counted in
 * `hiddenSchools`, and the school counts only when its visible system cases show a discussion.
 */
import type { Competence } from '../../api/types.ts';

export type DemandRow = Competence['demand'][number];

export interface TopicSummary {
  readonly topic: string;
  readonly schools: number;
  readonly system_cases: number;
  readonly individual_part_cases: number;
  readonly system_measures_started: number;
  readonly staff_reached: number;
  /** Schools whose individual-part count is hidden from this viewer. */
  readonly hiddenSchools: number;
}

export function rankTopics(demand: readonly DemandRow[]): TopicSummary[] {
  const byTopic = new Map<string, { -readonly [K in keyof TopicSummary]: TopicSummary[K] }>();
  for (const row of demand) {
    let s = byTopic.get(row.topic);
    if (!s) {
      s = { topic: row.topic, schools: 0, system_cases: 0, individual_part_cases: 0, system_measures_started: 0, staff_reached: 0, hiddenSchools: 0 };
      byTopic.set(row.topic, s);
    }
    if (row.system_cases + (row.individual_part_cases ?? 0) > 0) s.schools += 1;
    s.system_cases += row.system_cases;
    s.individual_part_cases += row.individual_part_cases ?? 0;
    if (row.individual_part_cases === null) s.hiddenSchools += 1;
    s.system_measures_started += row.system_measures_started;
    s.staff_reached += row.staff_reached;
  }
  const cases = (s: TopicSummary) => s.system_cases + s.individual_part_cases;
  return [...byTopic.values()].sort((a, b) => b.schools - a.schools || cases(b) - cases(a) || a.topic.localeCompare(b.topic));
}
