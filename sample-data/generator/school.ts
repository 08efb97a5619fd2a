/** Municipalities and schools as the generator sees them, and the schools.csv row of a school. */
import type { CalendarVariant } from './calendar.ts';
import type { CsvRow } from './csvWriter.ts';
import type { Profile } from './profile.ts';
import type { Random } from './random.ts';
import type { SchoolLevel } from './topics.ts';

export interface Municipality {
  readonly name: string;
  readonly code: string;
  readonly calendar: CalendarVariant;
}

export interface School {
  /** Position in the run, 0-based; gives the short tag inside meeting and case ids. */
  readonly index: number;
  /**
   * The tag inside meeting, case and deviation ids when not the index's four digits. The
   * Swedish sample schools use letters (`SV01`): a tag of digits beside an ISO date makes a
   * run of 11 or 12 digits that can look like a national identity number.
   */
  readonly tag?: string;
  readonly id: string;
  readonly name: string;
  readonly municipality: Municipality;
  readonly level: SchoolLevel;
  readonly students: number;
  /** Pedagogical staff. */
  readonly staff: number;
  readonly profile: Profile;
}

export function drawCalendarVariant(rng: Random): CalendarVariant {
  return {
    autumnBreakWeek: rng.chance(0.7) ? 40 : 41,
    winterBreakWeek: rng.chance(0.6) ? 8 : 9,
    startShift: rng.pick([0, 0, 3, 4]),
  };
}

/** Pedagogical staff for a school of this size: about one per eleven pupils plus a base. */
export function drawStaff(rng: Random, students: number): number {
  return Math.max(3, Math.round(students / 11 + 4 + 2 * rng.normal()));
}

export function schoolRow(school: School): CsvRow {
  return {
    school_id: school.id,
    school_name: school.name,
    municipality: school.municipality.name,
    municipality_code: school.municipality.code,
    level: school.level,
    students: school.students,
    staff: school.staff,
  };
}
