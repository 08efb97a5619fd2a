/** What the per-school generators share once the meeting log of a school is known. */
import type { SchoolYear } from './calendar.ts';
import type { Day } from './days.ts';
import type { School } from './school.ts';

export interface SchoolContext {
  readonly school: School;
  readonly years: readonly SchoolYear[];
  /** 31 July of the last school year: nothing is dated after it. */
  readonly dataEnd: Day;
  /** Days of the school's held meetings, ascending (one meeting per day). */
  readonly held: readonly Day[];
  /** The meeting ids of `held`, index for index. */
  readonly heldIds: readonly string[];
}
