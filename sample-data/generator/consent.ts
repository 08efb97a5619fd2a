/**
 * When guardians gave written consent on an individual case: usually before the pupil is
 * first discussed by name, sometimes only afterwards, sometimes never recorded.
 */
import type { Day } from './days.ts';
import type { Profile } from './profile.ts';
import type { Random } from './random.ts';

export interface ConsentWindow {
  readonly concern: Day;
  readonly reported?: Day;
  readonly firstDiscussion?: Day;
  readonly closed?: Day;
  readonly dataEnd: Day;
}

export function drawConsent(rng: Random, profile: Profile, w: ConsentWindow): Day | undefined {
  const r = rng.next();
  if (r < profile.consentMissingRate) return undefined;
  const from = w.reported ?? w.concern;
  let day: Day;
  if (w.firstDiscussion === undefined) {
    day = from + rng.int(0, 30);
  } else if (r < profile.consentMissingRate + profile.consentBeforeRate) {
    day = from + rng.int(0, Math.max(0, w.firstDiscussion - from));
  } else {
    day = w.firstDiscussion + rng.int(1, 21);
    if (w.closed !== undefined) day = Math.min(day, w.closed);
  }
  return day > w.dataEnd ? undefined : day;
}
