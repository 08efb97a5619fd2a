/**
 * The command line of contract section 5 for section 4b: `followup --json` prints
 * `{"figures": {…every 4b key…}, "lists": {…the five lists…}}` with rows in the fields and order
 * of 4b, and `figures --json` (also with `--by`) carries the 4b keys. Run as an administrator
 * would, on a database file holding the hand-made fixture of tests/etl/followup.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { insertFollowUpFixture } from '../followup/followUpFixture.ts';

const dbPath = join(makeTempDir('rt-cli-followup-'), 'followup.duckdb');
afterAll(removeTempDirs);

const period = ['--db', dbPath, '--from', '2024-08-01', '--to', '2025-07-31', '--as-of', '2025-06-15'];

const followUpKeysInOrder = [
  'planned_meetings',
  'planned_meetings_held',
  'planned_meetings_missed',
  'plan_adherence_rate',
  'median_days_between_meetings',
  'tgl_meetings',
  'planned_tgl_visits',
  'evaluations_overdue',
  'discussed_before_consent',
  'meetings_without_agenda_in_advance',
  'meetings_without_minutes',
  'open_cases_over_90_days',
];

describe('etl followup --json', () => {
  beforeAll(async () => {
    const db = await openTestDatabase(dbPath);
    try {
      await insertFollowUpFixture(db.connection);
    } finally {
      db.close();
    }
  });

  it('prints the 4b figures and the five lists, fields in contract order, dates as YYYY-MM-DD', async () => {
    const run = await runEtl(['followup', ...period, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    type ListName = 'missed_meetings' | 'overdue_evaluations' | 'consent_deviations' | 'meetings_missing_agenda_or_minutes' | 'open_cases_by_age';
    const out = JSON.parse(run.stdout) as { figures: Record<string, number | null>; lists: Record<ListName, Array<Record<string, unknown>>> };
    expect(Object.keys(out)).toEqual(['figures', 'lists']);
    expect(Object.keys(out.figures)).toEqual(followUpKeysInOrder);
    expect(out.figures).toMatchObject({ planned_meetings: 9, planned_meetings_held: 4, plan_adherence_rate: 4 / 9, median_days_between_meetings: 6.5, open_cases_over_90_days: 2 });
    expect(Object.keys(out.lists)).toEqual(['missed_meetings', 'overdue_evaluations', 'consent_deviations', 'meetings_missing_agenda_or_minutes', 'open_cases_by_age']);
    // The JSON text itself: field order, null for unknown, booleans and numbers unquoted.
    expect(JSON.stringify(out.lists.missed_meetings[0])).toBe('{"school_id":"G1","date":"2024-09-06"}');
    expect(JSON.stringify(out.lists.overdue_evaluations[0])).toBe(
      '{"measure_id":"e6","case_id":"o4","school_id":"G1","level":"system","responsible_role":null,"evaluation_due_date":"2025-01-15","days_overdue":151}',
    );
    expect(JSON.stringify(out.lists.consent_deviations[1])).toBe('{"case_id":"c2","school_id":"S1","first_discussion_date":"2024-09-12","consent_date":null}');
    expect(JSON.stringify(out.lists.meetings_missing_agenda_or_minutes[2])).toBe(
      '{"meeting_id":"s1-0912-a","school_id":"S1","date":"2024-09-12","agenda_in_advance":true,"minutes_written":null}',
    );
    expect(JSON.stringify(out.lists.open_cases_by_age[0])).toBe('{"case_id":"o4","school_id":"G1","kind":"individual","first_concern_date":"2024-10-01","age_days":257}');
    expect(out.lists.missed_meetings).toHaveLength(5);
  });

  it('--school narrows figures and lists to that school', async () => {
    const run = await runEtl(['followup', ...period, '--school', 'G1', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { figures: Record<string, number | null>; lists: Record<string, unknown[]> };
    expect(out.figures).toMatchObject({ planned_meetings: 2, planned_meetings_held: 0, plan_adherence_rate: 0, median_days_between_meetings: null });
    expect(out.lists.open_cases_by_age).toHaveLength(2);
  });

  it('an impossible date exits non-zero with the reason on stderr and nothing on stdout', async () => {
    const run = await runEtl(['followup', '--db', dbPath, '--from', '2024-08-01', '--to', '2025-02-31', '--json']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--to: datoen finnes ikke/);
  });

  it('figures --json carries every 4b key after those of section 4 (and before 4d), also per school with --by', async () => {
    const total = await runEtl(['figures', ...period, '--json']);
    expect(total.code).toBe(0);
    const figures = JSON.parse(total.stdout) as Record<string, number | null>;
    expect(Object.keys(figures).slice(23, 23 + 12)).toEqual(followUpKeysInOrder);
    expect(Object.keys(figures)).toHaveLength(23 + 12 + 7); // 4d: six keys and deviations_by_agency
    expect(figures).toMatchObject({ evaluations_overdue: 4, tgl_meetings: 2, planned_tgl_visits: 3, discussed_before_consent: 3 });
    const by = await runEtl(['figures', ...period, '--by', 'school', '--json']);
    const rows = JSON.parse(by.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.school_id, r.planned_meetings, r.median_days_between_meetings])).toEqual([
      ['S1', 6, 14],
      ['S2', 1, 5],
      ['G1', 2, null],
    ]);
  });
});
