/**
 * When a case is discussed and when it ends. A case waits for the first held meeting after it
 * is ready (plus a queue of meetings at busy schools), and is closed at the first held meeting
 * after its intended end; in between it comes up again at a few meetings. A case whose end
 * falls after the last meeting of the data stays open.
 */
import { onToWeekday, type Day } from './days.ts';
import type { Random } from './random.ts';

export interface TimelineRequest {
  /** The earliest day the case can be on the agenda. */
  readonly ready: Day;
  /** Held meetings to let pass first (a queue). */
  readonly queue: number;
  /** The intended end, before rounding up to a meeting. */
  readonly targetEnd: Day;
  /** Least days between the first discussion and the end (a measure must be tried before a referral). */
  readonly minSpan: number;
  /** How many meetings the case should come up at (1–6). */
  readonly discussions: number;
}

export interface Timeline {
  /** Indexes into the school's held meetings, ascending. */
  readonly discussed: readonly number[];
  readonly closed?: Day;
}

/** The first index whose day is on or after `day`. */
export function lowerBound(days: readonly Day[], day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as Day) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `count` distinct indexes from (from, to), both exclusive, ascending. */
function between(rng: Random, from: number, to: number, count: number): number[] {
  const chosen = new Set<number>();
  const room = to - from - 1;
  if (count >= room) return Array.from({ length: Math.max(0, room) }, (_, i) => from + 1 + i);
  while (chosen.size < count) chosen.add(from + 1 + Math.floor(rng.next() * room));
  return [...chosen].sort((a, b) => a - b);
}

export function caseTimeline(rng: Random, held: readonly Day[], request: TimelineRequest): Timeline {
  const first = lowerBound(held, request.ready) + request.queue;
  if (first >= held.length) return { discussed: [] };
  const firstDay = held[first] as Day;
  const closing = lowerBound(held, Math.max(request.targetEnd, firstDay + request.minSpan));
  const wanted = request.discussions;
  if (closing >= held.length) {
    const reach = Math.min(held.length, first + 1 + 4 * wanted);
    return { discussed: [first, ...between(rng, first, reach, wanted - 1)] };
  }
  const lastDay = held[closing] as Day;
  const closed = rng.chance(0.75) ? lastDay : onToWeekday(lastDay + rng.int(1, 4));
  if (wanted === 1 || closing === first) return { discussed: [first], closed };
  return { discussed: [first, ...between(rng, first, closing, wanted - 2), closing], closed };
}
