/**
 * Deviations (contract section 1, deviations): cooperation problems between the school and
 * other agencies around a child, reported to the regional level now and then. A school of
 * average size reports about three a school year; most involve the school and child
 * psychiatry (waiting time) or social services. About a third of the answers come after the
 * two months the receiving agency has, and some deviations are still open at the end.
 */
import type { SchoolYear } from './calendar.ts';
import type { CsvRow } from './csvWriter.ts';
import { isoDate, type Day } from './days.ts';
import { pad } from './ids.ts';
import type { Random } from './random.ts';
import type { School } from './school.ts';

/** The agencies besides the school, with how often a deviation involves each. */
const others = ['child_psychiatry', 'social_services', 'health', 'ppt', 'habilitation', 'child_medicine', 'other'] as const;
const otherWeights = [34, 24, 12, 10, 9, 6, 5];
const categories = ['waiting_time', 'availability', 'information', 'responsibility', 'other'] as const;
const categoryWeights = [34, 22, 20, 16, 8];

/** The deviation's agencies: nearly always the school, and one or two others (never the same twice). */
function drawAgencies(rng: Random): string[] {
  const first = others[rng.weighted(otherWeights)]!;
  const chosen = [first];
  if (rng.chance(0.2)) {
    const second = others[rng.weighted(otherWeights)]!;
    if (second !== first) chosen.push(second);
  }
  // Now and then two other agencies disagree without the school: still a deviation.
  return rng.chance(0.92) || chosen.length < 2 ? ['school', ...chosen] : chosen;
}

/** A later date, or nothing when it falls after the data ends (not happened yet). */
function after(day: Day, days: number, dataEnd: Day): string | null {
  const later = day + Math.round(days);
  return later <= dataEnd ? isoDate(later) : null;
}

/** The deviations of one school, school year by school year; ids `AV-<tag>-<n>`. */
export function deviationRows(rng: Random, school: School, tag: string, years: readonly SchoolYear[], dataEnd: Day): CsvRow[] {
  const rows: Array<Omit<CsvRow, 'deviation_id'>> = [];
  const perYear = Math.max(0.6, school.students / 110);
  for (const year of years) {
    const count = Math.max(0, Math.round(perYear + 1.2 * rng.normal()));
    const days = year.schoolDays.filter((d) => d <= dataEnd);
    for (let i = 0; i < count && days.length > 0; i++) {
      const day = rng.pick(days);
      const principle = rng.chance(0.08) ? null : rng.chance(0.22);
      const escalated = rng.chance(0.45) ? after(day, rng.int(0, 21), dataEnd) : null;
      const answered = rng.chance(0.75) ? after(day, rng.logNormal(40, 0.55), dataEnd) : null;
      const resolved = rng.chance(0.7) ? after(day, rng.logNormal(55, 0.6), dataEnd) : null;
      rows.push({
        school_id: school.id,
        date: isoDate(day),
        agencies: drawAgencies(rng).join('|'),
        category: rng.chance(0.1) ? null : categories[rng.weighted(categoryWeights)],
        principle,
        escalated_date: escalated,
        answered_date: answered,
        resolved_date: resolved,
      });
    }
  }
  // Numbered in date order, as a register lists them (the sort is stable).
  rows.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return rows.map((row, i) => ({ deviation_id: `AV-${tag}-${pad(i + 1, 3)}`, ...row }));
}
