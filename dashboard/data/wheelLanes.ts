/**
 * Lanes for marks that would overlap: marks closer than `minGap` days share no lane. Greedy
 * in date order (the first lane free again takes the mark), so the lane count is the largest
 * number of marks that overlap at one time, and a lone mark always sits in lane 0.
 */
export interface Lanes {
  /** The lane of each mark, in the order given. */
  readonly lanes: readonly number[];
  /** How many lanes there are (at least 1). */
  readonly count: number;
}

export function assignLanes(days: readonly number[], minGap: number): Lanes {
  const order = days.map((day, index) => ({ day, index })).sort((a, b) => a.day - b.day || a.index - b.index);
  const lastDay: number[] = [];
  const lanes = new Array<number>(days.length).fill(0);
  for (const { day, index } of order) {
    let lane = lastDay.findIndex((last) => day - last >= minGap);
    if (lane === -1) lane = lastDay.length;
    lastDay[lane] = day;
    lanes[index] = lane;
  }
  return { lanes, count: Math.max(1, lastDay.length) };
}

/** Whole days from `from` to `date` (both ISO dates; UTC, so no daylight-saving hour). */
export function dayIndex(from: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
