/**
 * The day a concern first arises: a teaching day, more often in the busy autumn months and
 * after new year than at the start of the year or in June.
 */
import type { SchoolYear } from './calendar.ts';
import { monthOf, type Day } from './days.ts';
import type { Random } from './random.ts';

/** Relative weight of a teaching day by month (index 0 = January). */
const monthWeights = [1.1, 1.1, 1.2, 0.9, 1.0, 0.4, 0, 0.6, 1.3, 1.3, 1.3, 0.7];

const cumulative = new WeakMap<SchoolYear, Float64Array>();

function cumulativeWeights(year: SchoolYear): Float64Array {
  let sums = cumulative.get(year);
  if (!sums) {
    sums = new Float64Array(year.schoolDays.length);
    let total = 0;
    year.schoolDays.forEach((day, i) => {
      total += monthWeights[monthOf(day) - 1] ?? 0;
      (sums as Float64Array)[i] = total;
    });
    cumulative.set(year, sums);
  }
  return sums;
}

export function drawConcernDay(rng: Random, year: SchoolYear): Day {
  const sums = cumulativeWeights(year);
  const target = rng.next() * (sums[sums.length - 1] ?? 0);
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sums[mid] as number) <= target) lo = mid + 1;
    else hi = mid;
  }
  return year.schoolDays[lo] as Day;
}
