/**
 * The attacker (run by suppressionAttacker.rectors.test.ts and suppressionAttacker.scoped.test.ts,
 * which split the viewers between them). Each non-admin viewer of a fixture with small numbers asks every period it
 * may ask (whole school years, several of them together, terms, custom periods a day apart
 * around the case dates, other as-of dates, months), the figure endpoints and breakdowns
 * (`/api/figures` alone, `by=school`, `by=municipality`, `school=`, `municipality=`, `level=`,
 * `total=all`, `/api/series/*`), and `/api/followup` (its scope, `total=all`, each school,
 * each municipality, level slices for whole school years; its scope and home municipality
 * for the other periods), and the test checks that no hidden cell can be computed from any
 * sum or difference of the answers.
 *
 * The counts modelled (every individual-part unit of contract section 4 and the case-based
 * counts of 4b): ended cases and PPT referrals, first concerns (KM cases), open cases and
 * open over 90 days, the union `n_individual_cases`, cases discussed, discussions (and
 * anonymous ones), consent cases and discussed before consent, cases with measures and
 * their individual and system measures, cases with evaluations due, measures due and
 * measures overdue.
 *
 * Method (linear algebra over the rationals, exact):
 * - Every case count an answer shows is a sum over the schools it aggregates (a case belongs
 *   to one school) of an unknown per school: for counts of events in the period (ended,
 *   referred, first concern, discussed, consent, measures started, evaluations due) one
 *   unknown per school and *elementary interval* (the days between consecutive period
 *   boundaries asked), so any period is a sum of intervals; for the stock of open cases one
 *   unknown per school and day (and as-of day, for those over 90 days); for counts not
 *   additive over time (the union, measures overdue, which depend on the as-of date) one
 *   unknown per school and period asked. A visible count is the equation "this sum of
 *   unknowns = value". Schools in the viewer's scope are known, so their unknowns are dropped.
 * - A hidden cell is a count of a school or municipality (or all of them) the viewer is not
 *   scoped to, for one school year or for any part of one between two period boundaries
 *   asked (one day, in the issue's example), whose unit rests on fewer cases than the
 *   threshold (what primary suppression hides; referrals rest on the ended cases, 4b counts
 *   and measures on their unit), taken from the fixture's rows here, not from the app. It is
 *   a vector over the same unknowns; it can be computed from the answers exactly when it is a
 *   linear combination of the equations' vectors (rowSpace.ts, exact BigInt elimination).
 * - To be sure the model means what the app means, every visible count is checked against
 *   the count worked out from the fixture's rows for its schools and period.
 * - Not linear, checked by rule instead: no rate, median, mean or count resting on a unit is
 *   shown while the unit's n is hidden (5/7 names its n); no part (consent cases of the
 *   discussed cases, every unit of the union) is shown beside its hidden whole (a lower bound
 *   on it); duration and survival rows of groups outside the scope show nothing at all;
 *   /api/followup gives lists exactly when every school it covers is in the scope, else
 *   `lists: null` with `lists_withheld: "not_scoped"`.
 * Not covered: bounds (counts are never negative: the plan keeps the hidden cells of a group
 * at two or more and at least the threshold together, which is what bounds can then tell);
 * figures of no cases (meetings, system work, the year wheel), which are never hidden; the
 * content of the follow-up lists (only that they are withheld outside the scope); the
 * Arrow format (the same rows as JSON); distinct-case counts across periods in general (the
 * model treats them as flows, exact here because each case of the fixture is discussed at
 * most once and has at most one measure; the README's residual risks); open cases outside a
 * scope (at most 3 in any such group, so never shown there); competence figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../etl/figures/figureFixture.ts';
import { fixedToday, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedInAs, type AuthClient } from './authClient.ts';
import { RowSpace } from './rowSpace.ts';
import { fixtureCases, fixtureSchools, startSuppressionFixture } from './suppressionFixture.ts';

const threshold = 5;
type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------
// The fixture: the suppression fixture's school year 2024/25, plus a year before with other
// small cells, and open cases that carry into the years after.

/**
 * Ended cases in 2023/24 (first concern 2023-09-04, ended in October); `referred` of them to
 * PPT. A2 is the issue's rate example: for rektor-a, A3 (1) is hidden, so A2 (5, the smallest
 * peer) is hidden with it; all 5 were referred, 4 of them after a measure was evaluated, and
 * a PPT-referral rate of 4/5 beside a hidden n would name A2's 5 and, from the total, A3's 1.
 */
const ended2023: Record<string, { ended: number; referred: number }> = {
  A1: { ended: 6, referred: 0 },
  A2: { ended: 5, referred: 5 },
  A3: { ended: 1, referred: 0 },
  A4: { ended: 7, referred: 0 },
  T1: { ended: 2, referred: 0 },
  T2: { ended: 8, referred: 3 },
  B1: { ended: 6, referred: 0 },
};
/** Cases first raised on 2025-03-03 and never ended. */
const openCases: Record<string, number> = { A2: 2, A4: 1, B1: 1 };

/**
 * Discussions: the first k cases of each school and year are discussed at one held meeting
 * (2023-09-20, 2024-10-01), each case once; odd-numbered cases had consent before it, the
 * others none (discussed before consent). A4 and T1 also had a cancelled meeting discussing
 * their first 2024 case, which counts nowhere. Small and large cells in both years; in
 * 2023/24 A2 (5 discussed) is visible by its own count but hidden with its union (A2's 5
 * cases are hidden beside A3's 1), a part that must not be shown beside its hidden whole.
 */
const discussed: Record<string, { y2023: number; y2024: number }> = {
  A1: { y2023: 3, y2024: 2 },
  A2: { y2023: 5, y2024: 1 },
  A3: { y2023: 1, y2024: 6 },
  A4: { y2023: 4, y2024: 5 },
  T1: { y2023: 2, y2024: 6 },
  T2: { y2023: 6, y2024: 1 },
  B1: { y2023: 6, y2024: 3 },
};
/**
 * Measures on the 2024/25 cases (one per case, started 2024-09-16; odd-numbered individual,
 * even system level): `measured` cases each, the first `due` of them due for evaluation on
 * 2024-10-14, odd-numbered evaluated on 2024-10-10, even ones never (overdue).
 */
const measured2024: Record<string, { measured: number; due: number }> = {
  A1: { measured: 1, due: 1 },
  A2: { measured: 2, due: 1 },
  A3: { measured: 5, due: 5 },
  A4: { measured: 6, due: 3 },
  T1: { measured: 5, due: 5 },
  T2: { measured: 2, due: 0 },
  B1: { measured: 3, due: 3 },
};

const caseOfYear = (school: string, year: number, i: number) => (year === 2023 ? `${school}-2023-${i}` : `${school}-${i}`);

function attackerCases(): Row[] {
  const rows = fixtureCases();
  for (const [school, { ended, referred }] of Object.entries(ended2023)) {
    for (let i = 1; i <= ended; i++) {
      rows.push({
        case_id: `${school}-2023-${i}`,
        school_id: school,
        kind: 'individual',
        first_concern_date: '2023-09-04',
        closed_date: `2023-10-${String(i + 1).padStart(2, '0')}`,
        outcome: i <= referred ? 'referred_ppt' : 'resolved',
      });
    }
  }
  for (const [school, count] of Object.entries(openCases)) {
    for (let i = 1; i <= count; i++) rows.push({ case_id: `${school}-open-${i}`, school_id: school, kind: 'individual', first_concern_date: '2025-03-03' });
  }
  // Consent for the odd-numbered cases, before their discussion.
  return rows.map((r) => {
    const m = /^([A-Z]\d)-(2023-)?(\d+)$/.exec(r.case_id as string);
    if (!m || Number(m[3]) % 2 === 0) return r;
    return { ...r, consent_date: m[2] ? '2023-09-10' : '2024-09-10' };
  });
}

const meetings: Row[] = fixtureSchools.flatMap((s) => [
  { meeting_id: `${String(s.school_id)}-M2023`, school_id: s.school_id!, date: '2023-09-20', status: 'held' },
  { meeting_id: `${String(s.school_id)}-M2024`, school_id: s.school_id!, date: '2024-10-01', status: 'held' },
  { meeting_id: `${String(s.school_id)}-X2024`, school_id: s.school_id!, date: '2024-10-08', status: 'cancelled' },
]);
const discussions: Row[] = [
  ...Object.entries(discussed).flatMap(([school, k]) => [
    ...Array.from({ length: k.y2023 }, (_, i) => ({ meeting_id: `${school}-M2023`, case_id: caseOfYear(school, 2023, i + 1) })),
    ...Array.from({ length: k.y2024 }, (_, i) => ({ meeting_id: `${school}-M2024`, case_id: caseOfYear(school, 2024, i + 1) })),
  ]),
  { meeting_id: 'A4-X2024', case_id: 'A4-1' },
  { meeting_id: 'T1-X2024', case_id: 'T1-1' },
];

/** A2's 2023/24 referrals 1–4 had a measure evaluated before the referral. */
const measures: Row[] = [
  ...[1, 2, 3, 4].map((i) => ({ measure_id: `m${i}`, case_id: `A2-2023-${i}`, level: 'individual', started_date: '2023-09-11', evaluated_date: '2023-09-25' })),
  ...Object.entries(measured2024).flatMap(([school, { measured, due }]) =>
    Array.from({ length: measured }, (_, j) => {
      const i = j + 1;
      const row: Row = { measure_id: `m-${school}-${i}`, case_id: caseOfYear(school, 2024, i), level: i % 2 ? 'individual' : 'system', started_date: '2024-09-16' };
      if (i <= due) row.evaluation_due_date = '2024-10-14';
      if (i % 2) row.evaluated_date = '2024-10-10';
      return row;
    }),
  ),
];

const cases = attackerCases();
const schools = fixtureSchools.map((s) => ({ id: s.school_id as string, municipality: s.municipality as string, level: s.level as string }));
const schoolsOfMunicipality = (m: string) => schools.filter((s) => s.municipality === m).map((s) => s.id);
const municipalities = [...new Set(schools.map((s) => s.municipality))];

// ---------------------------------------------------------------------------------------
// Dates and periods.

interface Period {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const minDate = (a: string, b: string) => (a < b ? a : b);
const yearPeriod = (y: number, k = 0): Period => {
  const to = `${y + 1 + k}-07-31`;
  return { from: `${y}-08-01`, to, asOf: minDate(to, fixedToday) };
};

// ---------------------------------------------------------------------------------------
// The counts, worked out from the fixture's cases (the reference the app must agree with).

type Kind =
  | 'ended'
  | 'referred'
  | 'first_concern'
  | 'open'
  | 'open_over_90'
  | 'union'
  | 'discussed'
  | 'discussions'
  | 'anonymous_discussions'
  | 'consent'
  | 'before_consent'
  | 'with_measures'
  | 'individual_measures'
  | 'system_measures'
  | 'due_cases'
  | 'evaluations_due'
  | 'overdue';

/** The columns that show each count (`/api/figures` rows, and the 4b keys of /api/followup). */
const columnsOf: Record<Kind, readonly string[]> = {
  ended: ['cases_ended', 'n_cases_ended'],
  referred: ['cases_referred_ppt', 'n_cases_referred_ppt'],
  first_concern: ['n_km_cases'],
  open: ['open_cases', 'n_open_cases'],
  open_over_90: ['open_cases_over_90_days'],
  union: ['n_individual_cases'],
  discussed: ['n_individual_cases_discussed'],
  discussions: ['individual_case_discussions'],
  anonymous_discussions: ['anonymous_case_discussions'],
  consent: ['n_consent_cases'],
  before_consent: ['discussed_before_consent'],
  with_measures: ['n_individual_cases_with_measures'],
  individual_measures: ['individual_measures_for_individual_cases'],
  system_measures: ['system_measures_for_individual_cases'],
  due_cases: ['n_individual_cases_with_evaluations_due'],
  evaluations_due: ['n_evaluations_due'],
  overdue: ['evaluations_overdue'],
};
const kinds = Object.keys(columnsOf) as Kind[];

/**
 * The count whose smallness hides a count (contract section 4: a figure is hidden when it
 * rests on fewer than the threshold of individual-part cases): PPT referrals are a count of
 * the ended cases, so 0 referrals of 7 ended is shown; discussions of the discussed cases,
 * measures of the cases with measures, discussed-before-consent of the consent cases,
 * measures due and overdue of the cases with evaluations due, open over 90 days of the open
 * cases; everything else rests on itself.
 */
const restsOn: Record<Kind, Kind> = {
  ended: 'ended',
  referred: 'ended',
  first_concern: 'first_concern',
  open: 'open',
  open_over_90: 'open',
  union: 'union',
  discussed: 'discussed',
  discussions: 'discussed',
  anonymous_discussions: 'discussed',
  consent: 'consent',
  before_consent: 'consent',
  with_measures: 'with_measures',
  individual_measures: 'with_measures',
  system_measures: 'with_measures',
  due_cases: 'due_cases',
  evaluations_due: 'due_cases',
  overdue: 'due_cases',
};

/** Case sets that are parts of another (hand-written from the contract): never shown beside their hidden whole. */
const partOf: ReadonlyArray<readonly [string, string]> = [
  ['n_consent_cases', 'n_individual_cases_discussed'],
  ...['n_individual_cases_discussed', 'n_individual_cases_with_measures', 'n_cases_ended', 'n_km_cases', 'n_open_cases', 'n_consent_cases', 'n_individual_cases_with_evaluations_due'].map(
    (n) => [n, 'n_individual_cases'] as const,
  ),
];

const between = (d: unknown, lo: string, hi: string) => typeof d === 'string' && lo <= d && d <= hi;
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

const caseById = new Map(cases.map((c) => [c.case_id as string, c]));
const individualPart = (c: Row) => c.kind === 'individual' || c.kind === 'anonymous';
const heldOn = new Map(meetings.filter((m) => m.status === 'held').map((m) => [m.meeting_id as string, m.date as string]));
/** Discussions at held meetings, with their case and date. */
const heldDiscussions = discussions.flatMap((d) => {
  const date = heldOn.get(d.meeting_id as string);
  return date ? [{ c: caseById.get(d.case_id as string)!, date }] : [];
});
const firstDiscussion = (caseId: string) =>
  heldDiscussions
    .filter((d) => d.c.case_id === caseId)
    .map((d) => d.date)
    .sort()[0];
const measureRows = measures.map((m) => ({ m, c: caseById.get(m.case_id as string)! }));

/** The items a count counts (a case id for case counts, else one per discussion or measure). */
function itemsOf(kind: Kind, ids: ReadonlySet<string>, p: Period): string[] {
  const mine = <T extends { c: Row }>(list: readonly T[]) => list.filter((x) => ids.has(x.c.school_id as string));
  const ofCases = (test: (c: Row) => boolean) => cases.filter((c) => ids.has(c.school_id as string) && test(c)).map((c) => c.case_id as string);
  const discussedIn = mine(heldDiscussions).filter((d) => between(d.date, p.from, p.to) && individualPart(d.c));
  const consentIn = discussedIn.filter((d) => d.c.kind === 'individual');
  const startedIn = mine(measureRows).filter(({ m, c }) => between(m.started_date, p.from, p.to) && individualPart(c));
  const dueIn = mine(measureRows).filter(({ m }) => between(m.evaluation_due_date, p.from, minDate(p.to, p.asOf)));
  const distinct = (list: readonly { c: Row }[]) => [...new Set(list.map((x) => x.c.case_id as string))];
  switch (kind) {
    case 'ended':
      return ofCases((c) => between(c.closed_date, p.from, p.to));
    case 'referred':
      return ofCases((c) => between(c.closed_date, p.from, p.to) && c.outcome === 'referred_ppt');
    case 'first_concern':
      return ofCases((c) => between(c.first_concern_date, p.from, minDate(p.to, p.asOf)));
    case 'open':
      return ofCases((c) => (c.first_concern_date as string) <= p.to && !((c.closed_date as string | undefined) !== undefined && (c.closed_date as string) <= p.to));
    case 'open_over_90':
      return itemsOf('open', ids, p).filter((id) => daysBetween(caseById.get(id)!.first_concern_date as string, minDate(p.to, p.asOf)) > 90);
    case 'union':
      return [...new Set((['ended', 'first_concern', 'open', 'discussed', 'consent', 'with_measures', 'due_cases'] as const).flatMap((k) => itemsOf(k, ids, p)))];
    case 'discussed':
      return distinct(discussedIn);
    case 'discussions':
      return discussedIn.map((_, i) => String(i));
    case 'anonymous_discussions':
      return discussedIn.filter((d) => d.c.kind === 'anonymous').map((_, i) => String(i));
    case 'consent':
      return distinct(consentIn);
    case 'before_consent':
      return distinct(consentIn).filter((id) => {
        const consent = caseById.get(id)!.consent_date as string | undefined;
        return consent === undefined || consent > firstDiscussion(id)!;
      });
    case 'with_measures':
      return distinct(startedIn);
    case 'individual_measures':
      return startedIn.filter(({ m }) => m.level === 'individual').map(({ m }) => m.measure_id as string);
    case 'system_measures':
      return startedIn.filter(({ m }) => m.level === 'system').map(({ m }) => m.measure_id as string);
    case 'due_cases':
      return distinct(dueIn.filter(({ c }) => individualPart(c)));
    case 'evaluations_due':
      return dueIn.map(({ m }) => m.measure_id as string);
    case 'overdue':
      return dueIn.filter(({ m }) => (m.evaluation_due_date as string) < p.asOf && !between(m.evaluated_date, '0000-01-01', p.asOf)).map(({ m }) => m.measure_id as string);
  }
}
const truth = (kind: Kind, ids: ReadonlySet<string>, p: Period) => itemsOf(kind, ids, p).length;

// ---------------------------------------------------------------------------------------
// Viewers and what they are scoped to (from the fixture's users, written here by hand).

interface Viewer {
  readonly username: string;
  readonly scoped: ReadonlySet<string>;
  /** The schools they may ask for one by one. */
  readonly visible: readonly string[];
}

const viewers: readonly Viewer[] = [
  { username: 'rektor-a', scoped: new Set(['A1']), visible: schoolsOfMunicipality('Solvik') },
  { username: 'rektor-t', scoped: new Set(['T1']), visible: schoolsOfMunicipality('Tofte') },
  { username: 'kommune-solvik', scoped: new Set(schoolsOfMunicipality('Solvik')), visible: schoolsOfMunicipality('Solvik') },
  { username: 'ppt-tofte', scoped: new Set(schoolsOfMunicipality('Tofte')), visible: schoolsOfMunicipality('Tofte') },
];

// ---------------------------------------------------------------------------------------
// What is asked.

const figureEndpoint = '/api/figures';
const levels = ['barneskole', 'ungdomsskole', 'kombinert'];

/** Every figure request for a whole-school-year period: each filter and breakdown. */
function everyFigureRequest(viewer: Viewer): Array<Record<string, string>> {
  const all: Array<Record<string, string>> = [
    {},
    { by: 'school' },
    { by: 'municipality' },
    { total: 'all' },
    ...viewer.visible.map((school): Record<string, string> => ({ school })),
    ...municipalities.map((municipality): Record<string, string> => ({ municipality })),
    ...levels.flatMap((level): Array<Record<string, string>> => [{ by: 'municipality', level }, { total: 'all', level }, { municipality: 'Solvik', level }]),
  ];
  return all;
}
const followUpEndpoint = '/api/followup';
/** Every /api/followup request of a whole school year (it has no `by`): the viewer's scope, each school, each municipality, levels. */
function everyFollowUpRequest(viewer: Viewer): Array<Record<string, string>> {
  return [
    {},
    { total: 'all' },
    ...viewer.visible.map((school): Record<string, string> => ({ school })),
    ...municipalities.map((municipality): Record<string, string> => ({ municipality })),
    ...['barneskole', 'ungdomsskole'].flatMap((level): Array<Record<string, string>> => [{ municipality: 'Solvik', level }, { total: 'all', level }]),
  ];
}

/**
 * Fewer for the many other periods: the breakdowns that show every cell at once (by=school:
 * every school the viewer may ask one by one; by=municipality: every municipality). The
 * machine these tests run on is small, so the list is what differs, not what repeats.
 */
const breakdowns: Array<Record<string, string>> = [{ by: 'school' }, { by: 'municipality' }];

const wholeYears: Period[] = [yearPeriod(2023), yearPeriod(2024), yearPeriod(2025), yearPeriod(2023, 1)];
const otherAsOf: Period[] = ['2025-08-01', '2024-11-05', fixedToday].map((asOf) => ({ ...yearPeriod(2024), asOf }));
const terms: Period[] = [2023, 2024].flatMap((y) => [
  { from: `${y}-08-01`, to: `${y}-12-31`, asOf: `${y}-12-31` },
  { from: `${y + 1}-01-01`, to: `${y + 1}-07-31`, asOf: `${y + 1}-07-31` },
]);
/** Periods a day apart around the days cases ended (2023-10-02.., 2024-11-02..) and the open cases' first concern. */
const dayApart: Period[] = [
  ...['2024-11-02', '2024-11-03', '2024-11-08', '2024-11-09', '2024-11-10'].flatMap((d) => [
    { from: '2024-08-01', to: d, asOf: d },
    { from: addDays(d, 1), to: '2025-07-31', asOf: '2025-07-31' },
  ]),
  ...['2023-10-02', '2023-10-03'].map((d) => ({ from: '2023-08-01', to: d, asOf: d })),
  { from: '2025-03-02', to: '2025-03-03', asOf: '2025-03-03' },
  { from: '2025-03-03', to: '2025-07-31', asOf: '2025-07-31' },
];

interface Asked {
  readonly endpoint: string;
  readonly params: Record<string, string>;
  readonly period: Period;
}

function everything(viewer: Viewer): Asked[] {
  const asked: Asked[] = [];
  for (const period of wholeYears) for (const params of everyFigureRequest(viewer)) asked.push({ endpoint: figureEndpoint, params, period });
  for (const period of [...otherAsOf, ...terms, ...dayApart]) for (const params of breakdowns) asked.push({ endpoint: figureEndpoint, params, period });
  const moreOfTerm: Array<Record<string, string>> = [{ total: 'all' }, { municipality: 'Solvik' }];
  for (const params of moreOfTerm) asked.push({ endpoint: figureEndpoint, params, period: terms[2]! });
  for (const period of wholeYears) for (const params of everyFollowUpRequest(viewer)) asked.push({ endpoint: followUpEndpoint, params, period });
  // Other periods: the viewer's scope and its home municipality's total (a rector's covers peers).
  const home = schools.find((s) => s.id === viewer.visible[0])!.municipality;
  for (const period of [...otherAsOf, ...terms, ...dayApart]) {
    for (const params of [{}, { municipality: home }] as Array<Record<string, string>>) asked.push({ endpoint: followUpEndpoint, params, period });
  }
  for (const period of [yearPeriod(2024)]) {
    for (const params of [...breakdowns, { total: 'all' }]) {
      for (const series of ['monthly', 'durations', 'survival']) asked.push({ endpoint: `/api/series/${series}`, params, period });
    }
  }
  return asked;
}

// ---------------------------------------------------------------------------------------
// Answers → the schools and period each row aggregates.

/** The schools a row aggregates, from the request and the row's identity (not from the app). */
function schoolsOfRow(viewer: Viewer, params: Record<string, string>, row: Json): Set<string> {
  let ids: string[];
  if (params.total) ids = schools.map((s) => s.id);
  else if (params.school) ids = [params.school];
  else if (params.municipality) ids = schoolsOfMunicipality(params.municipality);
  else if (params.by === 'school') ids = [...viewer.visible];
  else if (params.by === 'municipality') ids = schools.map((s) => s.id);
  else ids = [...viewer.scoped];
  return new Set(
    ids.filter((id) => {
      const s = schools.find((x) => x.id === id)!;
      return (
        (params.level === undefined || s.level === params.level) &&
        (row.school_id === undefined || row.school_id === id) &&
        (row.municipality === undefined || row.municipality === s.municipality)
      );
    }),
  );
}

/** A monthly row's period: the month, clipped to the period asked. */
function periodOfRow(asked: Asked, row: Json): Period {
  if (typeof row.month !== 'string') return asked.period;
  const first = `${row.month}-01`;
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  return { from: first > asked.period.from ? first : asked.period.from, to: minDate(last, asked.period.to), asOf: asked.period.asOf };
}

/** A figure answer as rows with flat `n_<base>` columns. */
function rowsOf(body: unknown): Json[] {
  const list = Array.isArray(body) ? (body as Json[]) : [body as Json];
  return list.map((r) => {
    const { n, ...rest } = r;
    return n && typeof n === 'object' ? { ...rest, ...Object.fromEntries(Object.entries(n).map(([k, v]) => [`n_${k}`, v])) } : r;
  });
}

/** A /api/followup answer as one row: its 4b figures beside `suppressed`, `suppressed_reason`, the lists. */
function followUpRow(body: Json): Json {
  const { figures, ...rest } = body;
  return { ...(figures as Json), ...rest };
}

/** Figures resting on a case count, and the n column that count is shown in (hand-written). */
const nOfFigure: Record<string, string> = {
  tested_before_ppt_referral_rate: 'n_cases_referred_ppt',
  days_to_end_median: 'n_cases_ended',
  days_to_end_p90: 'n_cases_ended',
  km_median_days: 'n_km_cases',
  consent_before_discussion_rate: 'n_consent_cases',
  evaluation_on_time_rate: 'n_individual_cases_with_evaluations_due',
  individual_case_discussions_per_meeting: 'n_individual_cases_discussed',
  individual_case_discussions: 'n_individual_cases_discussed',
  anonymous_case_discussions: 'n_individual_cases_discussed',
  system_measures_for_individual_cases: 'n_individual_cases_with_measures',
  individual_measures_for_individual_cases: 'n_individual_cases_with_measures',
  n_evaluations_due: 'n_individual_cases_with_evaluations_due',
  evaluations_overdue: 'n_individual_cases_with_evaluations_due',
  discussed_before_consent: 'n_consent_cases',
  open_cases_over_90_days: 'n_open_cases',
};
const reasons = [null, 'small_numbers', 'whole_school_years_only', 'level_slice'];
const seriesValueColumns: Record<string, readonly string[]> = {
  durations: ['days', 'cases'],
  survival: ['t', 'at_risk', 'events', 'censored', 'survival', 'events_resolved', 'events_referred_ppt', 'events_referred_other'],
};

// ---------------------------------------------------------------------------------------
// Observations → equations.

interface Observation {
  readonly kind: Kind;
  /** The schools outside the viewer's scope it sums over (those in scope are known). */
  readonly unknownSchools: readonly string[];
  readonly period: Period;
}

/** The unknowns of one kind, and each observation or hidden cell as a vector over them. */
class KindModel {
  private readonly index = new Map<string, number>();
  constructor(
    private readonly kind: Kind,
    private readonly cuts: readonly string[],
  ) {}

  private unknown(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) this.index.set(key, (i = this.index.size));
    return i;
  }

  /** The unknowns whose sum is this count of these schools over this period. */
  vector(unknownSchools: readonly string[], p: Period): Map<number, bigint> {
    const v = new Map<number, bigint>();
    for (const school of unknownSchools) for (const key of this.keys(p)) v.set(this.unknown(`${school}|${key}`), 1n);
    return v;
  }

  private keys(p: Period): string[] {
    if (this.kind === 'open') return [p.to];
    if (this.kind === 'open_over_90') return [`${p.to}|${minDate(p.to, p.asOf)}`];
    if (!flowKinds.includes(this.kind)) return [`${p.from}|${p.to}|${p.asOf}`];
    const [lo, hi] = flowRange(this.kind, p);
    if (hi < lo) return [];
    const end = addDays(hi, 1);
    // The elementary intervals from lo up to the day after hi (both are cut points).
    return this.cuts.filter((c) => c >= lo && c < end);
  }
}

/**
 * Counts of events in the period, additive over time: one unknown per school and elementary
 * interval. Distinct-case counts (discussed, with measures, consent, evaluations due) are
 * flows here because every case of the fixture has at most one such event (checked below);
 * in general a case counted in two periods is counted once in a period covering both, so the
 * model is exact for this fixture only (the README's residual risks).
 */
const flowKinds: readonly Kind[] = [
  'ended',
  'referred',
  'first_concern',
  'discussed',
  'discussions',
  'anonymous_discussions',
  'consent',
  'before_consent',
  'with_measures',
  'individual_measures',
  'system_measures',
  'due_cases',
  'evaluations_due',
];
/** Flows counted only up to the as-of date (first concern; measures due on or before it). */
const readUpToAsOf: readonly Kind[] = ['first_concern', 'due_cases', 'evaluations_due'];

function flowRange(kind: Kind, p: Period): [string, string] {
  return [p.from, readUpToAsOf.includes(kind) ? minDate(p.to, p.asOf) : p.to];
}

interface HiddenCell {
  readonly name: string;
  readonly kind: Kind;
  readonly unknownSchools: readonly string[];
  readonly period: Period;
}

const groups = [
  ...schools.map((s) => ({ name: s.id, ids: [s.id] })),
  ...municipalities.map((m) => ({ name: m, ids: schoolsOfMunicipality(m) })),
  { name: 'alle kommuner', ids: schools.map((s) => s.id) },
];

/** The cells of these periods that primary suppression hides from this viewer, by the fixture's own counts. */
function hiddenCellsOf(viewer: Viewer, periods: readonly Period[], of: readonly Kind[] = kinds): HiddenCell[] {
  const cells: HiddenCell[] = [];
  for (const period of periods) {
    for (const { name, ids } of groups) {
      const unknownSchools = ids.filter((id) => !viewer.scoped.has(id));
      if (unknownSchools.length === 0) continue;
      for (const kind of of) {
        if (truth(restsOn[kind], new Set(ids), period) < threshold) cells.push({ name: `${name} ${period.from}–${period.to} ${kind}`, kind, unknownSchools, period });
      }
    }
  }
  return cells;
}

/** The school years' cells. */
const hiddenCells = (viewer: Viewer) => hiddenCellsOf(viewer, [2023, 2024, 2025].map((y) => yearPeriod(y)));


/**
 * Which hidden cells the observations determine (empty: none can be computed). With a
 * viewer, also every part of a school year between two period boundaries asked (a day, in
 * the issue's example) that rests on fewer cases than the threshold.
 */
function determined(observations: readonly Observation[], cells: readonly HiddenCell[], viewer?: Viewer): string[] {
  const found: string[] = [];
  for (const kind of kinds) {
    const obs = observations.filter((o) => o.kind === kind);
    const cuts = new Set<string>();
    for (const { period } of [...obs, ...cells.filter((c) => c.kind === kind)]) {
      const [lo, hi] = flowRange(kind, period);
      cuts.add(lo);
      cuts.add(addDays(hi, 1));
    }
    const sorted = [...cuts].sort();
    const parts: Period[] = [];
    if (viewer && flowKinds.includes(kind)) {
      for (let i = 0; i + 1 < sorted.length; i++) {
        const part = { from: sorted[i]!, to: addDays(sorted[i + 1]!, -1) };
        const within = [2023, 2024, 2025].some((y) => part.from >= `${y}-08-01` && part.to <= `${y + 1}-07-31` && !(part.from === `${y}-08-01` && part.to === `${y + 1}-07-31`));
        if (within) parts.push({ ...part, asOf: part.to });
      }
    }
    const mine = [...cells.filter((c) => c.kind === kind), ...(viewer ? hiddenCellsOf(viewer, parts, [kind]) : [])];
    const model = new KindModel(kind, sorted);
    const space = new RowSpace();
    for (const o of obs) space.add(model.vector(o.unknownSchools, o.period));
    for (const cell of mine) if (space.spans(model.vector(cell.unknownSchools, cell.period))) found.push(cell.name);
  }
  return found;
}

// ---------------------------------------------------------------------------------------

/**
 * The attacker's suite for some of the viewers (the test files split the viewers between
 * them, so that the two test workers ask at the same time); `withChecks` adds the checks of
 * the method, the fixture and the issue's examples (once, in one of the files).
 */
export function attackerSuite(usernames: readonly string[], { withChecks }: { readonly withChecks: boolean }): void {
  if (usernames.some((u) => !viewers.some((v) => v.username === u))) throw new Error(`unknown viewer in ${usernames.join(', ')}`);
  let app: SampleApp;
  beforeAll(async () => {
    app = await startSuppressionFixture({}, cases, measures, { meetings, discussions });
  });
  afterAll(() => app.close());

  if (withChecks) {
    describe('the linear model finds what can be computed (the method can fail)', () => {
      const p2024 = yearPeriod(2024);
      const cell: HiddenCell = { name: 'A2', kind: 'ended', unknownSchools: ['A2'], period: p2024 };

      it('a hidden school is found from a total and the other school', () => {
        const obs: Observation[] = [
          { kind: 'ended', unknownSchools: ['A2', 'A3'], period: p2024 },
          { kind: 'ended', unknownSchools: ['A3'], period: p2024 },
        ];
        expect(determined(obs, [cell])).toEqual(['A2']);
      });

      it('a hidden school year is found from two periods a day apart… and from a term and its year', () => {
        const day = [
          { kind: 'ended' as const, unknownSchools: ['A2'], period: { from: '2024-08-01', to: '2025-07-30', asOf: '2025-07-30' } },
          { kind: 'ended' as const, unknownSchools: ['A2'], period: { from: '2025-07-31', to: '2025-07-31', asOf: '2025-07-31' } },
        ];
        expect(determined(day, [cell])).toEqual(['A2']);
        const termAndRest = [
          { kind: 'ended' as const, unknownSchools: ['A2'], period: terms[2]! },
          { kind: 'ended' as const, unknownSchools: ['A2'], period: terms[3]! },
        ];
        expect(determined(termAndRest, [cell])).toEqual(['A2']);
      });

      it('a peer’s one day is found from two periods a day apart (the issue’s example), though its school year is not hidden', () => {
        const obs: Observation[] = ['2024-11-09', '2024-11-10'].map((to) => ({ kind: 'ended', unknownSchools: ['A4'], period: { from: '2024-08-01', to, asOf: to } }));
        expect(determined(obs, [], viewers[0])).toContain('A4 2024-11-10–2024-11-10 ended');
      });

      it('two hidden schools under a total stay hidden', () => {
        const obs: Observation[] = [{ kind: 'ended', unknownSchools: ['A2', 'A3'], period: p2024 }];
        expect(determined(obs, [cell])).toEqual([]);
      });
    });

    describe('the fixture', () => {
      it('has at most one held discussion and one measure per case, so its distinct-case counts are flows', () => {
        const ids = heldDiscussions.map((d) => d.c.case_id);
        expect(new Set(ids).size).toBe(ids.length);
        const measured = measures.map((m) => m.case_id);
        expect(new Set(measured).size).toBe(measured.length);
      });

      it('has the hand-written numbers of its comments (A2 in 2023/24: 5 discussed, 3 of them with consent first)', () => {
        const p = yearPeriod(2023);
        expect(truth('discussed', new Set(['A2']), p)).toBe(5);
        expect(truth('before_consent', new Set(['A2']), p)).toBe(2);
        expect(truth('union', new Set(['A2']), p)).toBe(5);
        // T1's first 2024 case was also discussed at a cancelled meeting: 6 discussions, not 7.
        expect(truth('discussions', new Set(['T1']), yearPeriod(2024))).toBe(6);
        // A4 in 2024/25: 3 measures due; 1 and 3 evaluated, 2 never (overdue).
        expect(truth('evaluations_due', new Set(['A4']), yearPeriod(2024))).toBe(3);
        expect(truth('overdue', new Set(['A4']), yearPeriod(2024))).toBe(1);
      });
    });

    describe('the examples of issue 8', () => {
      it('a rate without its n: A2’s PPT-referral rate is hidden with its hidden ended cases', async () => {
        const rector = await signedInAs(app, 'rektor-a');
        const admin = await signedInAs(app, 'admin');
        const period = yearPeriod(2023);
        const rows = async (client: AuthClient) => (await (await client.get(`/api/figures?${new URLSearchParams({ ...period, by: 'school' })}`)).json()) as Json[];
        // The admin sees what the rector must not: 4 of 5 referrals tested first.
        expect((await rows(admin)).find((r) => r.school_id === 'A2')!.tested_before_ppt_referral_rate).toBe(0.8);
        const a2 = (await rows(rector)).find((r) => r.school_id === 'A2')!;
        expect(a2.cases_ended).toBeNull();
        expect(a2.n_cases_referred_ppt).toBeNull();
        expect(a2.tested_before_ppt_referral_rate).toBeNull();
        expect(a2.suppressed).toContain('tested_before_ppt_referral_rate');
        expect(a2.suppressed_reason).toBe('small_numbers');
      });

      it('period differencing: a peer’s ended cases up to 2024-11-09 and up to 2024-11-10 are both hidden', async () => {
        const rector = await signedInAs(app, 'rektor-a');
        for (const to of ['2024-11-09', '2024-11-10']) {
          const res = await rector.get(`/api/figures?${new URLSearchParams({ from: '2024-08-01', to, asOf: to, by: 'school' })}`);
          const a4 = ((await res.json()) as Json[]).find((r) => r.school_id === 'A4')!;
          expect(a4.cases_ended, to).toBeNull();
          expect(a4.suppressed_reason, to).toBe('whole_school_years_only');
        }
      });
    });
  }

  describe.each(viewers.filter((v) => usernames.includes(v.username)))('$username asks everything', (viewer) => {
    const observations: Observation[] = [];
    const problems: string[] = [];
    let client: AuthClient;
    let answered = 0;
    let followUpLists = 0;
    let followUpWithheld = 0;
    /** The count columns some answer showed (every kind must be seen somewhere). */
    const seen = new Set<string>();

    beforeAll(async () => {
      client = await signedInAs(app, viewer.username);
      for (const asked of everything(viewer)) {
        const query = new URLSearchParams({ ...asked.period, ...asked.params });
        const res = await client.get(`${asked.endpoint}?${query}`);
        // A refusal (403: a school or breakdown outside the scope) shows nothing.
        if (res.status === 403) continue;
        if (res.status !== 200) {
          problems.push(`${asked.endpoint}?${query}: ${res.status}`);
          continue;
        }
        answered++;
        const body = (await res.json()) as unknown;
        const where = `${asked.endpoint}?${query}`;
        const series = asked.endpoint.match(/durations|survival/)?.[0];
        const followUp = asked.endpoint === followUpEndpoint;
        for (const row of followUp ? [followUpRow(body as Json)] : rowsOf(body)) {
          const ids = schoolsOfRow(viewer, asked.params, row);
          const outside = [...ids].filter((id) => !viewer.scoped.has(id));
          if (!reasons.includes(row.suppressed_reason as string | null)) problems.push(`${where}: reason ${String(row.suppressed_reason)}`);
          if ((row.suppressed_reason === null) !== ((row.suppressed as unknown[]).length === 0)) problems.push(`${where}: reason without suppressed, or the reverse`);
          if (series) {
            if (outside.length) for (const c of seriesValueColumns[series]!) if (row[c] !== null) problems.push(`${where}: ${series} ${c} of a group outside the scope`);
            continue;
          }
          const label = `${where} ${JSON.stringify(row.school_id ?? row.municipality ?? 'total')}`;
          if (!followUp) {
            for (const [figure, n] of Object.entries(nOfFigure)) {
              if (row[figure] !== null && row[n] === null) problems.push(`${label}: ${figure} shown without ${n}`);
            }
            for (const [part, whole] of partOf) if (row[part] !== null && row[whole] === null) problems.push(`${label}: ${part} shown beside its hidden whole ${whole}`);
          }
          const period = periodOfRow(asked, row);
          for (const kind of kinds) {
            for (const column of columnsOf[kind]) {
              if (row[column] === null || row[column] === undefined) continue;
              const expected = truth(kind, ids, period);
              if (row[column] !== expected) problems.push(`${where} ${String(row.month ?? '')} ${[...ids].join('+')}: ${column} ${String(row[column])}, expected ${expected}`);
              if (outside.length) observations.push({ kind, unknownSchools: outside, period });
              seen.add(column);
            }
          }
          if (followUp) {
            // The lists name cases: only for a request every school of which is in the scope.
            const scoped = outside.length === 0;
            if (scoped !== (row.lists !== null)) problems.push(`${where}: lists ${row.lists === null ? 'withheld' : 'given'} for a request ${scoped ? '' : 'not '}in the scope`);
            if (!scoped && row.lists_withheld !== 'not_scoped') problems.push(`${where}: lists_withheld ${String(row.lists_withheld)}`);
            if (scoped) followUpLists++;
            else followUpWithheld++;
          }
        }
      }
    }, 600_000);

    it('gets answers it can read, whose visible counts are the fixture’s, and no rate without its n', () => {
      expect(answered).toBeGreaterThan(50);
      expect(problems).toEqual([]);
    });

    it('sees some counts outside its scope, and some cells are hidden from it (the test is not vacuous)', () => {
      expect(observations.length).toBeGreaterThan(0);
      expect(hiddenCells(viewer).length).toBeGreaterThan(0);
      // Every count column modelled was shown somewhere, and every kind but the open cases outside the scope.
      expect([...kinds.flatMap((k) => columnsOf[k])].filter((c) => !seen.has(c))).toEqual([]);
      // (Open cases are at most 3 in any group outside a scope, so they are never shown there.)
      expect(kinds.filter((k) => !observations.some((o) => o.kind === k))).toEqual(['open', 'open_over_90']);
      // Every kind has a hidden cell for this viewer in some school year.
      expect(kinds.filter((k) => !hiddenCells(viewer).some((c) => c.kind === k))).toEqual([]);
      // /api/followup gave lists in the scope and withheld them outside it.
      expect(followUpLists).toBeGreaterThan(0);
      expect(followUpWithheld).toBeGreaterThan(0);
    });

    it('cannot compute any hidden cell from any sum or difference of the answers', () => {
      expect(determined(observations, hiddenCells(viewer), viewer)).toEqual([]);
    });
  });
}
