/**
 * An independent reference for every key of contract sections 4 and 4b, written for the
 * tests from the contract text (and the README's documented choices where it is silent),
 * straight against the contract tables — no figure facts, no production SQL. Deliberately
 * plain: one query per key or two, correlated where that reads most like the definition.
 * The medians and the Kaplan–Meier median are computed here in TypeScript from the rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface ReferencePeriod {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

/** How rows are grouped: by the school's id or by its municipality. */
export type ReferenceGrouping = 'school_id' | 'municipality';

type Values = Record<string, number | null>;

const d = (iso: string) => `DATE '${iso}'`;

/** Linear interpolation between order statistics (R type 7, DuckDB quantile_cont). */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
}

/**
 * The Kaplan–Meier median as R's quantile(survfit(...), 0.5) reports it: the first event
 * time with S(t) <= 0.5; where S(t) is 0.5 (within 1e-9) the midpoint of t and the next
 * event time, or of t and the largest observed time; null when S stays above 0.5.
 */
export function kaplanMeierMedian(cases: ReadonlyArray<{ t: number; ended: boolean }>): number | null {
  const times = [...new Set(cases.map((c) => c.t))].sort((a, b) => a - b);
  const eventTimes = times.filter((t) => cases.some((c) => c.ended && c.t === t));
  const maxTime = Math.max(...cases.map((c) => c.t));
  let survival = 1;
  for (const [i, t] of eventTimes.entries()) {
    const atRisk = cases.filter((c) => c.t >= t).length;
    const events = cases.filter((c) => c.ended && c.t === t).length;
    survival *= 1 - events / atRisk;
    if (Math.abs(survival - 0.5) <= 1e-9) return (t + (eventTimes[i + 1] ?? maxTime)) / 2;
    if (survival < 0.5) return t;
  }
  return null;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Every key of sections 4 and 4b per group, by the reference. */
export async function referenceFigures(conn: DuckDBConnection, grouping: ReferenceGrouping, p: ReferencePeriod): Promise<Map<string, Values>> {
  const from = d(p.from);
  const to = d(p.to);
  const asOf = d(p.asOf);
  const inPeriod = (column: string) => `${column} BETWEEN ${from} AND ${to}`;
  const held = `(m.status IS NULL OR m.status = 'held')`;
  const grp = `s.${grouping}`;
  const individualPart = (alias: string) => `${alias}.kind IN ('individual', 'anonymous')`;

  const out = new Map<string, Values>();
  for (const r of await rows(conn, `SELECT DISTINCT ${grp} AS g FROM schools s`)) out.set(String(r.g), {});
  const put = (g: unknown, values: Values) => Object.assign(out.get(String(g))!, values);

  // Meetings (by the meeting's school).
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(*) FILTER (WHERE ${held} AND ${inPeriod('m.date')}) AS held,
            count(*) FILTER (WHERE m.status = 'cancelled' AND ${inPeriod('m.date')}) AS cancelled,
            count(*) FILTER (WHERE ${held} AND ${inPeriod('m.date')} AND m.agenda_sent_date < m.date) AS agenda,
            count(*) FILTER (WHERE ${held} AND ${inPeriod('m.date')} AND m.minutes_written) AS minutes,
            count(*) FILTER (WHERE ${held} AND ${inPeriod('m.date')} AND list_contains(m.participants, 'tgl')) AS tgl
     FROM schools s LEFT JOIN meetings m ON m.school_id = s.school_id
     GROUP BY 1`,
  )) {
    const heldCount = Number(r.held);
    put(r.g, {
      meetings_held: heldCount,
      meetings_cancelled: Number(r.cancelled),
      agenda_in_advance_rate: ratio(Number(r.agenda), heldCount),
      minutes_rate: ratio(Number(r.minutes), heldCount),
      tgl_meetings: Number(r.tgl),
      meetings_without_agenda_in_advance: heldCount - Number(r.agenda),
      meetings_without_minutes: heldCount - Number(r.minutes),
    });
  }

  // Discussions at held meetings in the period, by the meeting's school.
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(c.case_id) FILTER (WHERE c.kind = 'system') AS system,
            count(c.case_id) FILTER (WHERE ${individualPart('c')}) AS individual,
            count(c.case_id) FILTER (WHERE c.kind = 'anonymous') AS anonymous
     FROM schools s
     LEFT JOIN meetings m ON m.school_id = s.school_id AND ${held} AND ${inPeriod('m.date')}
     LEFT JOIN discussions di ON di.meeting_id = m.meeting_id
     LEFT JOIN cases c ON c.case_id = di.case_id
     GROUP BY 1`,
  )) {
    const values = out.get(String(r.g))!;
    put(r.g, {
      system_case_discussions: Number(r.system),
      individual_case_discussions: Number(r.individual),
      anonymous_case_discussions: Number(r.anonymous),
      system_case_discussions_per_meeting: ratio(Number(r.system), values.meetings_held!),
      individual_case_discussions_per_meeting: ratio(Number(r.individual), values.meetings_held!),
    });
  }

  // Measures started in the period, by the case's school.
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(me.measure_id) FILTER (WHERE me.level = 'system' AND c.kind = 'system') AS system_started,
            coalesce(sum(coalesce(me.staff_reached, 0)) FILTER (WHERE me.level = 'system' AND c.kind = 'system'), 0) AS staff_total,
            avg(me.staff_reached) FILTER (WHERE me.level = 'system' AND c.kind = 'system') AS staff_mean,
            count(me.measure_id) FILTER (WHERE me.level = 'system' AND ${individualPart('c')}) AS system_individual,
            count(me.measure_id) FILTER (WHERE me.level = 'individual' AND ${individualPart('c')}) AS individual_individual
     FROM schools s
     LEFT JOIN cases c ON c.school_id = s.school_id
     LEFT JOIN measures me ON me.case_id = c.case_id AND ${inPeriod('me.started_date')}
     GROUP BY 1`,
  )) {
    put(r.g, {
      system_measures_started: Number(r.system_started),
      staff_reached_total: Number(r.staff_total),
      staff_reached_per_system_measure: num(r.staff_mean),
      system_measures_for_individual_cases: Number(r.system_individual),
      individual_measures_for_individual_cases: Number(r.individual_individual),
    });
  }

  // Evaluations: measures due in the period and not after the as-of date.
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(me.measure_id) AS due,
            count(me.measure_id) FILTER (WHERE me.evaluated_date <= me.evaluation_due_date) AS on_time,
            count(me.measure_id) FILTER (WHERE me.evaluation_due_date < ${asOf}
                                           AND (me.evaluated_date IS NULL OR me.evaluated_date > ${asOf})) AS overdue
     FROM schools s
     LEFT JOIN cases c ON c.school_id = s.school_id
     LEFT JOIN measures me ON me.case_id = c.case_id AND ${inPeriod('me.evaluation_due_date')} AND me.evaluation_due_date <= ${asOf}
     GROUP BY 1`,
  )) {
    put(r.g, { evaluation_on_time_rate: ratio(Number(r.on_time), Number(r.due)), evaluations_overdue: Number(r.overdue) });
  }

  // Ended cases, their days to end, and PPT referrals tested by an evaluated measure.
  const ended = new Map<string, number[]>();
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g, c.outcome, (c.closed_date - c.first_concern_date) AS days,
            EXISTS (SELECT 1 FROM measures me WHERE me.case_id = c.case_id AND me.evaluated_date <= c.closed_date) AS tested
     FROM cases c JOIN schools s USING (school_id)
     WHERE ${individualPart('c')} AND ${inPeriod('c.closed_date')}`,
  )) {
    const key = String(r.g);
    ended.set(key, [...(ended.get(key) ?? []), Number(r.days)]);
    const values = out.get(key)!;
    values.cases_referred_ppt = (values.cases_referred_ppt ?? 0) + (r.outcome === 'referred_ppt' ? 1 : 0);
    values.ppt_tested = (values.ppt_tested ?? 0) + (r.outcome === 'referred_ppt' && r.tested ? 1 : 0);
  }
  for (const [g, values] of out) {
    const days = ended.get(g) ?? [];
    const referred = values.cases_referred_ppt ?? 0;
    const tested = values.ppt_tested ?? 0;
    delete values.ppt_tested;
    Object.assign(values, {
      cases_ended: days.length,
      cases_referred_ppt: referred,
      days_to_end_median: quantile(days, 0.5),
      days_to_end_p90: quantile(days, 0.9),
      tested_before_ppt_referral_rate: ratio(tested, referred),
    });
  }

  // Kaplan–Meier over the cases first raised in the period (not after the as-of date).
  const cohorts = new Map<string, Array<{ t: number; ended: boolean }>>();
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            coalesce(c.closed_date <= ${asOf}, false) AS ended,
            (CASE WHEN c.closed_date <= ${asOf} THEN c.closed_date ELSE ${asOf} END) - c.first_concern_date AS t
     FROM cases c JOIN schools s USING (school_id)
     WHERE ${individualPart('c')} AND ${inPeriod('c.first_concern_date')} AND c.first_concern_date <= ${asOf}`,
  )) {
    const key = String(r.g);
    cohorts.set(key, [...(cohorts.get(key) ?? []), { t: Number(r.t), ended: r.ended === true }]);
  }
  for (const [g, values] of out) values.km_median_days = kaplanMeierMedian(cohorts.get(g) ?? []);

  // Open cases at the end of the period, and those over 90 days old at min(to, as-of).
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(c.case_id) AS open,
            count(c.case_id) FILTER (WHERE least(${to}, ${asOf}) - c.first_concern_date > 90) AS over_90
     FROM schools s
     LEFT JOIN cases c ON c.school_id = s.school_id AND ${individualPart('c')}
          AND c.first_concern_date <= ${to} AND (c.closed_date IS NULL OR c.closed_date > ${to})
     GROUP BY 1`,
  )) {
    put(r.g, { open_cases: Number(r.open), open_cases_over_90_days: Number(r.over_90) });
  }

  // Consent: individual cases discussed at a held meeting in the period; their first
  // discussion is over every held meeting, also before the period.
  for (const r of await rows(
    conn,
    `WITH discussed AS (
       SELECT DISTINCT c.case_id, c.school_id, c.consent_date
       FROM cases c JOIN discussions di USING (case_id) JOIN meetings m USING (meeting_id)
       WHERE c.kind = 'individual' AND ${held} AND ${inPeriod('m.date')}
     )
     SELECT ${grp} AS g,
            count(x.case_id) AS cases,
            count(x.case_id) FILTER (WHERE x.consent_date <= (
              SELECT min(m.date) FROM discussions di JOIN meetings m USING (meeting_id)
              WHERE di.case_id = x.case_id AND ${held})) AS before
     FROM schools s LEFT JOIN discussed x ON x.school_id = s.school_id
     GROUP BY 1`,
  )) {
    put(r.g, {
      consent_before_discussion_rate: ratio(Number(r.before), Number(r.cases)),
      discussed_before_consent: Number(r.cases) - Number(r.before),
    });
  }

  // The year wheel: plans due by the as-of date, and whether a held meeting was near.
  for (const r of await rows(
    conn,
    `SELECT ${grp} AS g,
            count(y.date) FILTER (WHERE y.activity = 'meeting') AS planned,
            count(y.date) FILTER (WHERE y.activity = 'meeting' AND EXISTS (
              SELECT 1 FROM meetings m
              WHERE m.school_id = y.school_id AND ${held} AND abs(m.date - y.date) <= 3)) AS planned_held,
            count(y.date) FILTER (WHERE y.activity = 'tgl_visit') AS tgl_visits
     FROM schools s
     LEFT JOIN yearwheel y ON y.school_id = s.school_id AND ${inPeriod('y.date')} AND y.date <= ${asOf}
     GROUP BY 1`,
  )) {
    const planned = Number(r.planned);
    const heldPlans = Number(r.planned_held);
    put(r.g, {
      planned_meetings: planned,
      planned_meetings_held: heldPlans,
      planned_meetings_missed: planned - heldPlans,
      plan_adherence_rate: ratio(heldPlans, planned),
      planned_tgl_visits: Number(r.tgl_visits),
    });
  }

  // Days between meetings: each school's distinct held dates in the period, gaps pooled.
  const gaps = new Map<string, number[]>();
  for (const r of await rows(
    conn,
    `SELECT DISTINCT ${grp} AS g, m.school_id, m.date - DATE '1970-01-01' AS day
     FROM meetings m JOIN schools s USING (school_id)
     WHERE ${held} AND ${inPeriod('m.date')}
     ORDER BY m.school_id, day`,
  )) {
    const key = `${String(r.g)}\u0000${String(r.school_id)}`;
    gaps.set(key, [...(gaps.get(key) ?? []), Number(r.day)]);
  }
  for (const [g, values] of out) {
    const pooled = [...gaps]
      .filter(([key]) => key.startsWith(`${g}\u0000`))
      .flatMap(([, dates]) => dates.slice(1).map((date, i) => date - dates[i]!));
    values.median_days_between_meetings = quantile(pooled, 0.5);
  }
  return out;
}
