/**
 * The value half of the scope table: what a viewer's 200 answer must contain. The rows a
 * viewer gets (their identities, and the scope each stands for) are written by hand per
 * role in scopes.test.ts; here each row's numbers are compared with the figures module's,
 * called directly on the test database for exactly that school or municipality, so a
 * rector's `school=` answer with another school's numbers fails. A cell the answer lists in
 * `suppressed` is skipped (it must be null); every other cell must equal the reference.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { expect } from 'vitest';
import { computeFigures, durationDistribution, followUpKeys, monthlySeries, survivalCurves, type FigureQuery } from '../../../etl/figures/index.ts';
import { followUpLists } from '../../../etl/followup/followUpLists.ts';

/** The scope one answered row stands for: a school, a municipality, both, or everything ({}). */
export interface RefScope {
  readonly school?: string;
  readonly municipality?: string;
}

/** One group the answer must hold: its identity (for breakdowns), its scope, and whether the viewer is scoped to it. */
export interface ExpectedGroup {
  readonly identity: { readonly school_id?: string; readonly municipality?: string };
  readonly ref: RefScope;
  /** The viewer sees this group in full: nothing may be suppressed. */
  readonly inScope: boolean;
}

type Row = Record<string, unknown>;

/** `{…, n: {base: v}}` → `{…, n_base: v}`, the shape of table rows. */
function flat(row: Row): Row {
  const { n, ...rest } = row as Row & { n?: Record<string, unknown> };
  return n && typeof n === 'object' ? { ...rest, ...Object.fromEntries(Object.entries(n).map(([k, v]) => [`n_${k}`, v])) } : rest;
}

const identityColumns = new Set(['school_id', 'school_name', 'municipality', 'suppressed']);
const orderColumns: Record<string, readonly string[]> = {
  '/api/figures': [],
  '/api/series/monthly': ['month'],
  '/api/series/durations': ['outcome', 'days'],
  '/api/series/survival': ['t'],
};

/**
 * The figures module's answers, computed once per database, endpoint and query: the table asks
 * the same scope for every role, and the reference does not depend on who asks (so the
 * values are still checked for every role, against a reference worked out once).
 */
const references = new WeakMap<DuckDBConnection, Map<string, Promise<unknown>>>();
function once<T>(conn: DuckDBConnection, key: string, work: () => Promise<T>): Promise<T> {
  let memo = references.get(conn);
  if (!memo) references.set(conn, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, work());
  return memo.get(key) as Promise<T>;
}
const figuresOf = (conn: DuckDBConnection, q: FigureQuery) => once(conn, `figures ${JSON.stringify(q)}`, () => computeFigures(conn, q));

async function referenceRows(conn: DuckDBConnection, endpoint: string, q: FigureQuery): Promise<Row[]> {
  // A copy: the caller sorts it.
  return [...(await once(conn, `${endpoint} ${JSON.stringify(q)}`, () => computeReferenceRows(conn, endpoint, q)))];
}

async function computeReferenceRows(conn: DuckDBConnection, endpoint: string, q: FigureQuery): Promise<Row[]> {
  switch (endpoint) {
    case '/api/figures':
      return [flat((await figuresOf(conn, q)) as unknown as Row)];
    case '/api/series/monthly':
      return (await monthlySeries(conn, q)).map((r) => flat(r as unknown as Row));
    case '/api/series/durations':
      return (await durationDistribution(conn, q)) as unknown as Row[];
    case '/api/series/survival':
      return (await survivalCurves(conn, q)) as unknown as Row[];
    default:
      throw new Error(`no reference for ${endpoint}`);
  }
}

const sortKey = (endpoint: string) => (row: Row) => orderColumns[endpoint]!.map((c) => String(row[c])).join('|');

function sameNumber(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  // An object figure (deviations_by_agency): the same counts per code.
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') return JSON.stringify(actual) === JSON.stringify(expected);
  return actual === expected;
}

function belongsTo(row: Row, group: ExpectedGroup): boolean {
  return Object.entries(group.identity).every(([k, v]) => row[k] === v);
}

/**
 * Checks an answer (a row, or rows) against the hand-written groups: the identities are
 * exactly those, and each group's unsuppressed cells equal the figures module's.
 */
export async function expectValues(
  conn: DuckDBConnection,
  endpoint: string,
  period: { from: string; to: string; asOf: string },
  body: unknown,
  groups: readonly ExpectedGroup[],
  label: string,
): Promise<void> {
  const rows = (Array.isArray(body) ? body : [body]).map((r) => flat(r as Row));
  const breakdown = groups.some((g) => Object.keys(g.identity).length > 0);
  if (breakdown) {
    const identity = (r: Row) => JSON.stringify([r.school_id ?? null, r.municipality ?? null]);
    const expectedIds = groups.map((g) => JSON.stringify([g.identity.school_id ?? null, g.identity.municipality ?? null]));
    expect([...new Set(rows.map(identity))].sort(), `${label}: the groups answered`).toEqual([...new Set(expectedIds)].sort());
  }
  for (const group of groups) {
    const answered = rows.filter((r) => belongsTo(r, group)).sort((a, b) => sortKey(endpoint)(a).localeCompare(sortKey(endpoint)(b)));
    const q: FigureQuery = { ...period, allowedSchools: null, ...group.ref };
    const reference = (await referenceRows(conn, endpoint, q)).sort((a, b) => sortKey(endpoint)(a).localeCompare(sortKey(endpoint)(b)));
    const where = `${label}, ${JSON.stringify(group.ref)}`;
    if (group.inScope) for (const r of answered) expect(r.suppressed, `${where}: nothing hidden in scope`).toEqual([]);
    const hiddenWhole = answered.length === 1 && reference.length !== 1 && !group.inScope;
    if (hiddenWhole) {
      // A series outside the scope may be one row of nulls, every column named as hidden.
      const only = answered[0]!;
      // …and says why: outside the scope only whole-year key figures are answered.
      expect(only.suppressed_reason, `${where}: suppressed_reason`).toBe('whole_school_years_only');
      for (const [k, v] of Object.entries(only)) if (!identityColumns.has(k) && k !== 'suppressed_reason') expect(v, `${where}: ${k}`).toBeNull();
      continue;
    }
    expect(answered.length, `${where}: rows`).toBe(reference.length);
    answered.forEach((row, i) => {
      const hidden = new Set((row.suppressed as string[] | undefined) ?? []);
      const ref = reference[i]!;
      let compared = 0;
      for (const [column, expected] of Object.entries(ref)) {
        if (identityColumns.has(column)) continue;
        if (hidden.has(column)) {
          expect(row[column], `${where}: hidden ${column}`).toBeNull();
          continue;
        }
        expect(sameNumber(row[column], expected), `${where}: ${column} ${JSON.stringify(row[column])} vs ${JSON.stringify(expected)}`).toBe(true);
        compared++;
      }
      if (group.inScope) expect(compared, `${where}: cells compared`).toBeGreaterThan(0);
    });
  }
}

interface FollowUpBody {
  readonly figures: Record<string, unknown>;
  readonly suppressed: string[];
  readonly suppressed_reason: string | null;
  readonly lists: unknown;
  readonly lists_withheld?: string;
}

/**
 * Checks a 200 answer of GET /api/followup for one scope: the figures are exactly the 4b keys;
 * each one not in `suppressed` equals the figures module's for that scope, each one in it is
 * null (and `suppressed_reason` says why); in scope nothing is hidden. `withLists` is written
 * by hand per role: then the lists equal the follow-up module's for the scope, otherwise they
 * are withheld as `not_scoped`.
 */
export async function expectFollowUpValues(
  conn: DuckDBConnection,
  period: { from: string; to: string; asOf: string },
  body: FollowUpBody,
  group: { readonly ref: RefScope; readonly inScope: boolean; readonly withLists: boolean },
  label: string,
): Promise<void> {
  const where = `${label}, ${JSON.stringify(group.ref)}`;
  const q: FigureQuery = { ...period, allowedSchools: null, ...group.ref };
  const reference = (await figuresOf(conn, q)) as unknown as Row;
  expect(Object.keys(body.figures), `${where}: the 4b keys`).toEqual([...followUpKeys]);
  const hidden = new Set(body.suppressed);
  for (const k of hidden) expect(followUpKeys as readonly string[], `${where}: suppressed ${k} is a 4b key`).toContain(k);
  if (group.inScope) expect(body.suppressed, `${where}: nothing hidden in scope`).toEqual([]);
  expect(body.suppressed_reason === null, `${where}: suppressed_reason only with suppressed keys`).toBe(hidden.size === 0);
  let compared = 0;
  for (const key of followUpKeys) {
    if (hidden.has(key)) {
      expect(body.figures[key], `${where}: hidden ${key}`).toBeNull();
      continue;
    }
    expect(sameNumber(body.figures[key], reference[key]), `${where}: ${key} ${JSON.stringify(body.figures[key])} vs ${JSON.stringify(reference[key])}`).toBe(true);
    compared++;
  }
  if (group.inScope) expect(compared, `${where}: figures compared`).toBe(followUpKeys.length);
  if (group.withLists) {
    expect(body.lists_withheld, `${where}: lists not withheld`).toBeUndefined();
    expect(body.lists, `${where}: lists`).toEqual(await once(conn, `lists ${JSON.stringify(q)}`, async () => JSON.parse(JSON.stringify(await followUpLists(conn, q))) as unknown));
  } else {
    expect(body.lists, `${where}: lists withheld`).toBeNull();
    expect(body.lists_withheld, `${where}: lists_withheld`).toBe('not_scoped');
  }
}
