/**
 * Which competence efforts a school joined and how many of its staff came to each session:
 * most of the staff for tier 1, a handful for tier 2, one to four for tier 3.
 */
import type { SchoolYear } from './calendar.ts';
import type { CsvRow } from './csvWriter.ts';
import { isoDate } from './days.ts';
import type { Effort } from './efforts.ts';
import type { Random } from './random.ts';
import type { School } from './school.ts';

function sessions(rng: Random, tier: 1 | 2 | 3): number {
  return tier === 1 ? rng.int(2, 4) : tier === 2 ? rng.int(1, 3) : rng.int(1, 2);
}

function participants(rng: Random, tier: 1 | 2 | 3, staff: number): number {
  if (tier === 1) return Math.max(1, Math.round(staff * rng.uniform(0.55, 1)));
  return tier === 2 ? rng.int(Math.min(2, staff), Math.min(12, staff)) : rng.int(1, Math.min(4, staff));
}

export function participationRows(
  rng: Random,
  school: School,
  years: readonly SchoolYear[],
  allEfforts: readonly Effort[],
): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const effort of allEfforts) {
    if (!rng.chance(Math.min(1, effort.reach * school.profile.competenceInterest))) continue;
    for (const year of years) {
      if (effort.end < year.firstDay || effort.start > year.lastDay) continue;
      const days = year.schoolDays.filter((d) => d >= effort.start && d <= effort.end);
      if (days.length === 0) continue;
      for (const day of rng.sample(days, sessions(rng, effort.tier))) {
        rows.push({
          effort_id: effort.id,
          school_id: school.id,
          date: isoDate(day),
          participants_count: participants(rng, effort.tier, school.staff),
        });
      }
    }
  }
  return rows;
}
