/** wheelData and planLabel: the server's statuses become named marks in their rings, nothing re-judged. */
import { describe, expect, it } from 'vitest';
import type { YearWheelAnswer } from '../../dashboard/api/yearWheelTypes.ts';
import { yearWheelStrings } from '../../dashboard/views/yearwheel/strings.ts';
import { wheelData } from '../../dashboard/views/yearwheel/wheelMarks.ts';

const answer: YearWheelAnswer = {
  school_id: 'S1',
  from: '2025-08-01',
  to: '2026-07-31',
  as_of: '2026-03-01',
  plan: [
    { school_id: 'S1', date: '2025-09-12', activity: 'meeting', topic: null, status: 'done', matched_meeting_date: '2025-09-13' },
    { school_id: 'S1', date: '2025-09-19', activity: 'meeting', topic: null, status: 'missed', matched_meeting_date: null },
    { school_id: 'S1', date: '2025-10-01', activity: 'tgl_visit', topic: null, status: 'done', matched_meeting_date: '2025-10-02' },
    { school_id: 'S1', date: '2026-05-01', activity: 'annual_review', topic: null, status: 'upcoming', matched_meeting_date: null },
  ],
  meetings: [
    { meeting_id: 'm1', school_id: 'S1', date: '2025-09-13', status: 'held', tgl_present: false },
    { meeting_id: 'm2', school_id: 'S1', date: '2025-09-20', status: 'cancelled', tgl_present: true },
    { meeting_id: 'm3', school_id: 'S1', date: '2025-10-02', status: 'held', tgl_present: true },
  ],
};

describe('wheelData', () => {
  const data = wheelData(answer, yearWheelStrings('nb'), 'nb');

  it('names every mark as the issue asks, in date order', () => {
    expect(data.marks.map((m) => [m.ring, m.kind, m.label])).toEqual([
      ['plan_meeting', 'done', 'Planlagt møte 12.09.2025: holdt 13.09.2025'],
      ['held', 'held', 'Møte 13.09.2025: holdt'],
      ['plan_meeting', 'missed', 'Planlagt møte 19.09.2025: ikke holdt'],
      ['held', 'cancelled', 'Møte 20.09.2025: avlyst'], // TGL listed at a cancelled meeting: not present
      ['plan_tgl', 'done', 'Planlagt TGL-besøk 01.10.2025: TGL til stede 02.10.2025'],
      ['held', 'held', 'Møte 02.10.2025: holdt, TGL til stede'],
      ['tgl', 'tgl', 'TGL til stede: Møte 02.10.2025: holdt, TGL til stede'],
      ['plan_review', 'upcoming', 'Planlagt årlig evaluering 01.05.2026: kommende'],
    ]);
  });

  it('has the six rings, what happened inside, the plan outside', () => {
    expect(data.rings.map((r) => r.key)).toEqual(['held', 'tgl', 'plan_meeting', 'plan_tgl', 'plan_review', 'plan_theme']);
    expect({ from: data.from, to: data.to, asOf: data.asOf }).toEqual({ from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-01' });
  });
});

describe('wheelData in Swedish', () => {
  it('writes the dates of the marks as Swedes do (yyyy-mm-dd)', () => {
    const marks = wheelData(answer, yearWheelStrings('sv'), 'sv').marks.map((m) => m.label);
    expect(marks.slice(0, 3)).toEqual(['Planerat möte 2025-09-12: hållet 2025-09-13', 'Möte 2025-09-13: hållet', 'Planerat möte 2025-09-19: inte hållet']);
    expect(marks.join(' ')).not.toMatch(/\d{2}\.\d{2}\.\d{4}/);
  });
});
