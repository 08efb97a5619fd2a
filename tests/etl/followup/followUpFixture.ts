/**
 * A hand-made database for the figures and lists of contract section 4b. Every expected value
 * in the tests is counted by hand from the rows below (see the comments); the query is the
 * school year 2024/25 read on 15 June 2025, so plans and due dates after that are not due.
 *
 * S1 and S2 are in Sandnes, G1 in Gjesdal (the shared `schools` of the figure tests).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';
import { insert, schools, type Row } from '../figures/figureFixture.ts';

export const asOf = '2025-06-15';

export function followUpQuery(overrides: Partial<FigureQuery> = {}): FigureQuery {
  return { from: '2024-08-01', to: '2025-07-31', asOf, ...overrides };
}

const meetings: readonly Row[] = [
  // S1 held dates in the period: 09-05, 09-12 (two meetings), 10-03 → gaps 7 and 21.
  { meeting_id: 's1-0905', school_id: 'S1', date: '2024-09-05', status: 'held', agenda_sent_date: '2024-09-03', minutes_written: true },
  // Two meetings on 09-12; ids chosen so the list's id order is not the insert order.
  { meeting_id: 's1-0912-b', school_id: 'S1', date: '2024-09-12', status: 'held', agenda_sent_date: '2024-09-12', minutes_written: true }, // agenda same day
  { meeting_id: 's1-0912-a', school_id: 'S1', date: '2024-09-12', status: 'held', agenda_sent_date: '2024-09-10', minutes_written: null }, // minutes unknown
  { meeting_id: 's1-0924', school_id: 'S1', date: '2024-09-24', status: 'cancelled' }, // TGL listed, but cancelled
  { meeting_id: 's1-1003', school_id: 'S1', date: '2024-10-03', status: 'held', agenda_sent_date: '2024-09-30', minutes_written: false }, // TGL present
  // S2: 07-30 (before the period), 09-02, 09-06, 09-12 (below), 2025-08-04 (after) → gaps in the period: 4, 6.
  { meeting_id: 's2-0730', school_id: 'S2', date: '2024-07-30', status: 'held', agenda_sent_date: '2024-07-29', minutes_written: false }, // TGL, before
  { meeting_id: 's2-0902', school_id: 'S2', date: '2024-09-02', status: 'held', minutes_written: true }, // no agenda
  { meeting_id: 's2-0906', school_id: 'S2', date: '2024-09-06', status: 'held', agenda_sent_date: '2024-09-05', minutes_written: true }, // TGL present
  { meeting_id: 's2-0804', school_id: 'S2', date: '2025-08-04', status: 'held', minutes_written: false }, // after the period
  // G1: one held meeting (no status: held by default) → no gap.
  { meeting_id: 'g1-0910', school_id: 'G1', date: '2024-09-10', status: null, agenda_sent_date: '2024-09-09', minutes_written: true },
  // S2 also meets on 09-12 (gap 6 after 09-06); its id sorts first on that day, inserted last.
  { meeting_id: 'a-s2-0912', school_id: 'S2', date: '2024-09-12', status: 'held', minutes_written: true }, // no agenda
];

const participants: Readonly<Record<string, string>> = {
  's1-0905': 'rektor|ppt',
  's1-0924': 'rektor|tgl',
  's1-1003': 'rektor|tgl',
  's2-0730': 'tgl|ppt',
  's2-0906': 'tgl|ppt',
  'g1-0910': 'rektor',
};

const yearwheel: readonly Row[] = [
  { school_id: 'S1', date: '2024-07-31', activity: 'meeting' }, // before the period
  { school_id: 'S1', date: '2024-09-02', activity: 'meeting' }, // s1-0905 is 3 days later: held
  { school_id: 'S1', date: '2024-09-08', activity: 'meeting' }, // s1-0905 is 3 days before: held by the same meeting
  { school_id: 'S1', date: '2024-09-16', activity: 'meeting' }, // s1-0912 is 4 days before: missed
  { school_id: 'S1', date: '2024-09-24', activity: 'meeting' }, // only the cancelled s1-0924: missed
  { school_id: 'S1', date: '2024-10-06', activity: 'meeting' }, // s1-1003 is 3 days before: held
  { school_id: 'S1', date: '2025-06-15', activity: 'meeting' }, // on the as-of date: counted, missed
  { school_id: 'S1', date: '2025-06-16', activity: 'meeting' }, // after the as-of date: not counted
  { school_id: 'S1', date: '2024-10-10', activity: 'tgl_visit' },
  { school_id: 'S1', date: '2025-06-15', activity: 'tgl_visit' }, // on the as-of date: counted
  { school_id: 'S1', date: '2025-06-20', activity: 'tgl_visit' }, // after the as-of date
  { school_id: 'S1', date: '2024-12-01', activity: 'survey_review' }, // neither a meeting nor a visit
  { school_id: 'S2', date: '2024-08-01', activity: 'meeting' }, // s2-0730 (before the period) is 2 days before: held
  { school_id: 'G1', date: '2024-09-06', activity: 'meeting' }, // S2 met that day, G1 only 4 days later: missed
  { school_id: 'G1', date: '2025-01-10', activity: 'meeting' }, // missed; sorts after S1's autumn plans by date, before them by school
  { school_id: 'G1', date: '2024-11-01', activity: 'tgl_visit' },
];

const ended = { closed_date: '2025-05-01', outcome: 'resolved' };
const cases: readonly Row[] = [
  // Consent (all closed before `to`, so none is open).
  { case_id: 'c1', school_id: 'S1', kind: 'individual', first_concern_date: '2024-08-20', consent_date: '2024-09-05', ...ended }, // consent on the first discussion day
  { case_id: 'c3', school_id: 'S1', kind: 'individual', first_concern_date: '2024-08-20', consent_date: '2024-09-13', ...ended }, // consent the day after
  { case_id: 'c2', school_id: 'S1', kind: 'individual', first_concern_date: '2024-08-20', ...ended }, // no consent
  { case_id: 'c4', school_id: 'S1', kind: 'anonymous', first_concern_date: '2024-08-20', ...ended }, // anonymous: no consent asked
  { case_id: 'c5', school_id: 'S2', kind: 'individual', first_concern_date: '2024-07-01', consent_date: '2024-09-01', ...ended }, // first discussed 07-30
  { case_id: 'c6', school_id: 'S1', kind: 'individual', first_concern_date: '2024-08-20', ...ended }, // only at the cancelled meeting
  { case_id: 'c7', school_id: 'G1', kind: 'individual', first_concern_date: '2024-08-20', consent_date: '2024-09-01', ...ended },
  // Open cases at 2025-07-31, aged at min(to, as-of) = 2025-06-15.
  { case_id: 'o7', school_id: 'G1', kind: 'individual', first_concern_date: '2025-03-17' }, // 90 days: not over
  { case_id: 'o1', school_id: 'S1', kind: 'individual', first_concern_date: '2025-03-17' }, // 90 days: not over
  { case_id: 'o2', school_id: 'S1', kind: 'anonymous', first_concern_date: '2025-03-16' }, // 91 days
  { case_id: 'o3', school_id: 'S1', kind: 'individual', first_concern_date: '2024-09-01', closed_date: '2025-07-31', outcome: 'resolved' }, // ended on `to`
  { case_id: 'o4', school_id: 'G1', kind: 'individual', first_concern_date: '2024-10-01', closed_date: '2025-08-15', outcome: 'referred_ppt' }, // ends after `to`: 257 days
  { case_id: 'o5', school_id: 'S1', kind: 'system', first_concern_date: '2024-09-01' }, // a system case is never open_cases
];

const discussions: readonly Row[] = [
  { meeting_id: 's1-0905', case_id: 'c1' },
  { meeting_id: 's1-0905', case_id: 'c4' },
  { meeting_id: 's1-0912-b', case_id: 'c2' },
  { meeting_id: 's1-0912-a', case_id: 'c3' },
  { meeting_id: 's1-1003', case_id: 'c3' },
  { meeting_id: 's2-0730', case_id: 'c5' },
  { meeting_id: 's2-0902', case_id: 'c5' },
  { meeting_id: 's1-0924', case_id: 'c6' },
  { meeting_id: 'g1-0910', case_id: 'c7' },
];

const measures: readonly Row[] = [
  { measure_id: 'e1', case_id: 'c1', level: 'individual', responsible_role: 'kontaktlaerer', evaluation_due_date: '2025-06-14' }, // 1 day overdue
  { measure_id: 'e2', case_id: 'c1', level: 'individual', evaluation_due_date: '2025-06-15' }, // due on the as-of date: not yet
  { measure_id: 'e3', case_id: 'c2', level: 'individual', evaluation_due_date: '2025-05-01', evaluated_date: '2025-06-15' }, // evaluated on the as-of date
  { measure_id: 'e4', case_id: 'c2', level: 'individual', responsible_role: 'ppt', evaluation_due_date: '2025-05-01', evaluated_date: '2025-06-16' }, // 45 days
  { measure_id: 'e0', case_id: 'c3', level: 'system', responsible_role: 'rektor', evaluation_due_date: '2025-05-01' }, // 45 days
  { measure_id: 'e5', case_id: 'o5', level: 'system', evaluation_due_date: '2024-07-20' }, // due before the period
  { measure_id: 'e6', case_id: 'o4', level: 'system', evaluation_due_date: '2025-01-15' }, // 151 days, no responsible role
  { measure_id: 'e8', case_id: 'c3', level: 'individual', evaluation_due_date: '2025-07-01' }, // due after the as-of date
];

export async function insertFollowUpFixture(conn: DuckDBConnection): Promise<void> {
  await insert(conn, 'schools', schools);
  await insert(conn, 'meetings', meetings);
  for (const [id, roles] of Object.entries(participants)) {
    await conn.run(`UPDATE meetings SET participants = string_split($roles, '|') WHERE meeting_id = $id`, { roles, id });
  }
  await insert(conn, 'yearwheel', yearwheel);
  await insert(conn, 'cases', cases);
  await insert(conn, 'discussions', discussions);
  await insert(conn, 'measures', measures);
}
