/**
 * From GET /api/yearwheel to what the wheel draws: a ring per kind of item (what happened
 * inside, the plan outside) and one named mark per planned item and per meeting. The status
 * of a plan is the server's (done, missed, upcoming); nothing is worked out again here.
 */
import type { WheelData, WheelMark, WheelRing } from '../../charts/yearWheelChart.ts';
import type { PlanItem, WheelMeeting, YearWheelAnswer } from '../../api/yearWheelTypes.ts';
import { formatDate } from '../../format/dateFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { YearWheelStrings } from './strings.ts';

export const ringKeys = ['held', 'tgl', 'plan_meeting', 'plan_tgl', 'plan_review', 'plan_theme'] as const;
export type RingKey = (typeof ringKeys)[number];

const ringOfActivity: Readonly<Record<string, RingKey>> = {
  meeting: 'plan_meeting',
  tgl_visit: 'plan_tgl',
  survey_review: 'plan_review',
  annual_review: 'plan_review',
  system_theme: 'plan_theme',
  other: 'plan_theme',
};

/** "Planlagt møte 12.09.2025: holdt 13.09.2025" (in Swedish "… 2025-09-12: …", as Swedes write dates). */
export function planLabel(item: PlanItem, s: YearWheelStrings, lang: Lang): string {
  const what = `${s.activities[item.activity] ?? item.activity} ${formatDate(item.date, lang)}`;
  if (item.status === 'upcoming') return `${what}: ${s.upcoming}`;
  if (item.status === 'missed') return `${what}: ${item.activity === 'meeting' ? s.notHeld : s.status.missed}`;
  const at = formatDate(item.matched_meeting_date ?? item.date, lang);
  return `${what}: ${item.activity === 'tgl_visit' ? s.tglAt(at) : s.doneAt(at)}`;
}

function meetingMarks(m: WheelMeeting, s: YearWheelStrings, lang: Lang): WheelMark[] {
  const cancelled = m.status === 'cancelled';
  const label = s.meetingName(formatDate(m.date, lang), cancelled, m.tgl_present && !cancelled);
  const marks: WheelMark[] = [{ date: m.date, ring: 'held', kind: cancelled ? 'cancelled' : 'held', label }];
  if (m.tgl_present && !cancelled) marks.push({ date: m.date, ring: 'tgl', kind: 'tgl', label: `${s.meetingLegend.tgl}: ${label}` });
  return marks;
}

export function wheelData(answer: YearWheelAnswer, s: YearWheelStrings, lang: Lang): WheelData {
  const rings: WheelRing[] = ringKeys.map((key) => ({ key, label: s.rings[key] }));
  const marks: WheelMark[] = [
    ...answer.meetings.flatMap((m) => meetingMarks(m, s, lang)),
    ...answer.plan.map((p): WheelMark => ({ date: p.date, ring: ringOfActivity[p.activity] ?? 'plan_theme', kind: p.status, label: planLabel(p, s, lang) })),
  ];
  marks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ringKeys.indexOf(a.ring as RingKey) - ringKeys.indexOf(b.ring as RingKey)));
  return { from: answer.from, to: answer.to, asOf: answer.as_of, rings, marks };
}
