/**
 * Whether a scope meets its municipality's norms (contract section 4b), from the 4b figures:
 * - meeting rhythm: the median days between meetings at most the norm (`no_data` with no gap);
 * - TGL: at least the norm of TGL meetings per school and school year. Judged only for a
 *   period that is one whole school year (1 August – 31 July): a term or a custom period has
 *   no share of a yearly norm that a municipal user would agree on (`not_applicable`). Below
 *   the norm while the year is still running (as-of before its end) is `pending`, not missed.
 */
import type { Norms } from './norms.ts';

export type NormStatus = 'met' | 'not_met' | 'pending' | 'no_data' | 'not_applicable';

export interface NormCheck {
  /** The norm for the scope (TGL: per school × schools). */
  readonly norm: number;
  readonly value: number | null;
  readonly status: NormStatus;
}

export interface NormChecks {
  readonly meeting_interval: NormCheck;
  readonly tgl_meetings: NormCheck;
}

export interface NormInputs {
  readonly median_days_between_meetings: number | null;
  readonly tgl_meetings: number | null;
}

export interface CheckedPeriod {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

/** True for 1 August of a year to 31 July of the next. */
export function isSchoolYear(from: string, to: string): boolean {
  const year = Number(from.slice(0, 4));
  return from === `${from.slice(0, 4)}-08-01` && to === `${year + 1}-07-31`;
}

function meetingRhythm(median: number | null, norm: number): NormCheck {
  if (median === null) return { norm, value: null, status: 'no_data' };
  return { norm, value: median, status: median <= norm ? 'met' : 'not_met' };
}

function tglMeetings(value: number | null, perSchool: number, schools: number, p: CheckedPeriod): NormCheck {
  const norm = perSchool * schools;
  if (!isSchoolYear(p.from, p.to) || schools === 0 || value === null) return { norm, value, status: 'not_applicable' };
  if (value >= norm) return { norm, value, status: 'met' };
  return { norm, value, status: p.asOf < p.to ? 'pending' : 'not_met' };
}

/** The checks for a scope of `schools` schools of one municipality. */
export function normChecks(figures: NormInputs, norms: Norms, schools: number, period: CheckedPeriod): NormChecks {
  return {
    meeting_interval: meetingRhythm(figures.median_days_between_meetings, norms.meeting_interval_days),
    tgl_meetings: tglMeetings(figures.tgl_meetings, norms.tgl_meetings_per_school_year, schools, period),
  };
}
