/**
 * Against the norm: the median days between meetings against the municipality's norm, the
 * meetings with TGL against theirs, and the plan adherence, each with the server's verdict
 * (etl/followup/normChecks.ts; the page does not judge again).
 */
import type { FollowUpAnswer, NormCheck } from '../../api/yearWheelTypes.ts';
import { h } from '../../components/h.ts';
import { formatCount, formatFigure } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { YearWheelStrings } from './strings.ts';

function card(id: string, title: string, value: string, lines: readonly (string | null)[], status: string | null): HTMLElement {
  return h(
    'div',
    { class: 'norm-card', id, 'data-status': status ?? 'none' },
    h('p', { class: 'norm-title' }, title),
    h('p', { class: 'norm-value' }, value),
    lines.filter((l): l is string => l !== null).map((l) => h('p', { class: 'norm-line' }, l)),
  );
}

function verdict(check: NormCheck | undefined, s: YearWheelStrings): string | null {
  return check ? s.normStatus[check.status] : null;
}

export function normCards(answer: FollowUpAnswer, s: YearWheelStrings, lang: Lang): HTMLElement {
  const f = answer.figures;
  const checks = answer.norms?.checks;
  const count = (v: number | null) => formatCount(v, lang);
  return h(
    'div',
    { class: 'norm-cards' },
    card(
      'norm-rhythm',
      s.rhythm,
      formatFigure(f.median_days_between_meetings, 'median', lang),
      [answer.norms ? s.rhythmNorm(count(answer.norms.meeting_interval_days)) : null, verdict(checks?.meeting_interval, s)],
      checks?.meeting_interval.status ?? null,
    ),
    card(
      'norm-tgl',
      s.tgl,
      count(f.tgl_meetings),
      [answer.norms ? s.tglNorm(count(answer.norms.tgl_meetings_per_school_year)) : null, verdict(checks?.tgl_meetings, s)],
      checks?.tgl_meetings.status ?? null,
    ),
    card('norm-adherence', s.adherence, formatFigure(f.plan_adherence_rate, 'rate', lang), [s.adherenceText(count(f.planned_meetings_held), count(f.planned_meetings))], null),
  );
}
