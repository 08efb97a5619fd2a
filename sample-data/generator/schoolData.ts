/**
 * Everything that belongs to one school, generated and written in one go: its meeting log,
 * cases with their discussions and measures, year wheel, competence participation and
 * deviations. Each
 * part draws from its own seeded stream, so changing one part leaves the others as they were.
 */
import type { SchoolYear } from './calendar.ts';
import { caseDrafts } from './caseDrafts.ts';
import { schoolCases } from './cases.ts';
import type { Day } from './days.ts';
import type { Effort } from './efforts.ts';
import { caseMeasures } from './measures.ts';
import { deviationRows } from './deviations.ts';
import { schoolTag } from './ids.ts';
import { meetingYear } from './meetings.ts';
import { participationRows } from './participation.ts';
import { Random } from './random.ts';
import type { School } from './school.ts';
import type { SchoolContext } from './schoolContext.ts';
import type { Writers } from './writers.ts';
import { withRole } from './roles.ts';
import { yearWheel } from './yearwheel.ts';

export interface SchoolRun {
  readonly seed: number;
  readonly years: readonly SchoolYear[];
  readonly dataEnd: Day;
  readonly efforts: readonly Effort[];
}

export function writeSchool(run: SchoolRun, school: School, out: Writers): void {
  const stream = (part: string) => Random.derive(run.seed, part, school.index);
  const meetingRng = stream('meetings');
  const wheelRng = stream('yearwheel');
  const held: Day[] = [];
  const heldIds: string[] = [];
  for (const year of run.years) {
    const { planned, meetings } = meetingYear(meetingRng, school, year);
    const wheel = yearWheel(wheelRng, school, year, planned);
    // TGL comes to the meetings its visits were planned for (when they were held).
    const tglDays = new Set(wheel.tglMeetingDays);
    for (const m of meetings) {
      const tgl = m.held && tglDays.has(m.day);
      out.meetings.write(tgl ? { ...m.row, participants: withRole(String(m.row.participants), 'tgl') } : m.row);
      if (m.held) {
        held.push(m.day);
        heldIds.push(m.id);
      }
    }
    for (const row of wheel.rows) out.yearwheel.write(row);
  }

  const ctx: SchoolContext = { school, years: run.years, dataEnd: run.dataEnd, held, heldIds };
  const cases = schoolCases(stream('cases'), ctx, caseDrafts(stream('case-drafts'), school, run.years));
  const measureRng = stream('measures');
  for (const c of cases) {
    out.cases.write(c.row);
    for (const i of c.discussed) out.discussions.write({ meeting_id: heldIds[i], case_id: c.id });
    for (const row of caseMeasures(measureRng, ctx, c)) out.measures.write(row);
  }

  for (const row of participationRows(stream('participation'), school, run.years, run.efforts)) {
    out.competence_participation.write(row);
  }

  const tag = school.tag ?? schoolTag(school.index);
  for (const row of deviationRows(stream('deviations'), school, tag, run.years, run.dataEnd)) out.deviations.write(row);
}
