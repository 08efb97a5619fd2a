/**
 * The attacker of the open-cases identity. In every cell and for every school year Y,
 *
 *   open_cases(Y) = open_cases(Y-1) + n_km_cases(Y) - cases_ended(Y)
 *
 * (contract section 4: open = first concern on or before the year's last day and not ended
 * on or before it; KM cases = first concern in the year; ended = closed in the year; a case
 * ends on or after its first concern). The attacker of suppressionAttacker.ts gives the open
 * cases unknowns of their own, so it cannot see this; here the three counts share their
 * unknowns, as they do in the data: per school, the first concerns and the ends of each
 * school year from the first of the data (before it: known zeros), and the open cases at the
 * end of year Y are the first concerns up to Y minus the ends up to Y. Each non-admin viewer asks
 * every whole school year and the multi-year periods over them, by school, by municipality
 * and the total of all municipalities; every visible count outside the scope is an equation,
 * and no cell hidden by its own small n may be a rational combination of them (rowSpace.ts).
 *
 * The fixture (hand-made, every number known): per school four kinds of cases,
 *   a: first concern 2023-09-04, ended 2024-10-01   (open at the end of 2023/24, ended in 2024/25)
 *   b: first concern 2023-09-04, never ended        (open at both ends)
 *   c: first concern 2024-09-02, never ended        (a first concern of 2024/25, open at its end)
 *   d: first concern 2024-09-02, ended 2024-11-01   (begun and ended in 2024/25)
 * so open(2023) = a+b, km(2024) = c+d, ended(2024) = a+d, open(2024) = b+c. A2, T2 and B1
 * have a=2, b=1, c=4, d=4: 3 open cases at the end of 2023/24 (hidden: below 5) beside 8
 * first concerns, 6 ended and 5 open in 2024/25 (each at least 5, shown when each school
 * year is planned alone): 5 - 8 + 6 = 3. Before the plan covered consecutive school years,
 * kommune-solvik computed Tofte's and Berg's 3, and rektor-a A2's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../etl/figures/figureFixture.ts';
import type { SampleApp } from '../../helpers/sampleApp.ts';
import { signedInAs, type AuthClient } from './authClient.ts';
import { RowSpace, type Vector } from './rowSpace.ts';
import { fixtureSchools, startSuppressionFixture } from './suppressionFixture.ts';

const threshold = 5;
type Json = Record<string, unknown>;

const mix: Record<string, { a: number; b: number; c: number; d: number }> = {
  A1: { a: 3, b: 3, c: 3, d: 3 },
  A2: { a: 2, b: 1, c: 4, d: 4 },
  A3: { a: 3, b: 3, c: 3, d: 3 },
  A4: { a: 4, b: 4, c: 4, d: 4 },
  T1: { a: 3, b: 3, c: 3, d: 3 },
  T2: { a: 2, b: 1, c: 4, d: 4 },
  B1: { a: 2, b: 1, c: 4, d: 4 },
};

function stockFlowCases(): Row[] {
  const rows: Row[] = [];
  const add = (school: string, kind: string, count: number, first: string, closed?: string) => {
    for (let i = 1; i <= count; i++) {
      const row: Row = { case_id: `${school}-${kind}${i}`, school_id: school, kind: 'individual', first_concern_date: first };
      if (closed) Object.assign(row, { closed_date: closed, outcome: 'resolved' });
      rows.push(row);
    }
  };
  for (const [school, { a, b, c, d }] of Object.entries(mix)) {
    add(school, 'a', a, '2023-09-04', '2024-10-01');
    add(school, 'b', b, '2023-09-04');
    add(school, 'c', c, '2024-09-02');
    add(school, 'd', d, '2024-09-02', '2024-11-01');
  }
  return rows;
}
const cases = stockFlowCases();

const schools = fixtureSchools.map((s) => ({ id: s.school_id as string, municipality: s.municipality as string }));
const schoolsOf = (m: string) => schools.filter((s) => s.municipality === m).map((s) => s.id);
const municipalities = [...new Set(schools.map((s) => s.municipality))];

/**
 * The attacker knows when the data begins (the first case's first concern, 2023/24): before
 * it nothing began or ended, so those counts are known zeros, not unknowns.
 */
const dataStart = 2023;
/** School years asked (all past at the fixture's today, 2026-11-23: read as of their last day). */
const years = [2022, 2023, 2024, 2025];
/** Periods asked: each school year, and every run of consecutive ones. */
const periods = years.flatMap((y, i) => years.slice(i).map((last) => ({ first: y, last })));
const from = (y: number) => `${y}-08-01`;
const to = (y: number) => `${y + 1}-07-31`;

type Kind = 'first_concern' | 'ended' | 'open';
const kinds: readonly Kind[] = ['first_concern', 'ended', 'open'];
/** The columns that show each count. */
const columnsOf: Record<Kind, readonly string[]> = {
  first_concern: ['n_km_cases'],
  ended: ['cases_ended', 'n_cases_ended'],
  open: ['open_cases', 'n_open_cases'],
};

/** The fixture's own count of a kind, over some schools, for school years first..last. */
function truth(kind: Kind, ids: ReadonlySet<string>, first: number, last: number): number {
  const mine = cases.filter((c) => ids.has(c.school_id as string));
  const inYears = (d: unknown) => typeof d === 'string' && from(first) <= d && d <= to(last);
  if (kind === 'first_concern') return mine.filter((c) => inYears(c.first_concern_date)).length;
  if (kind === 'ended') return mine.filter((c) => inYears(c.closed_date)).length;
  return mine.filter((c) => (c.first_concern_date as string) <= to(last) && !((c.closed_date as string | undefined) !== undefined && (c.closed_date as string) <= to(last))).length;
}

/** The unknowns: per school, first concerns and ends per school year of the data. A count over several schools is the sum. */
class Model {
  private readonly index = new Map<string, number>();
  private unknown(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) this.index.set(key, (i = this.index.size));
    return i;
  }

  vector(kind: Kind, unknownSchools: readonly string[], first: number, last: number): Vector {
    const v = new Map<number, bigint>();
    const add = (key: string, c: bigint) => {
      const i = this.unknown(key);
      v.set(i, (v.get(i) ?? 0n) + c);
    };
    for (const s of unknownSchools) {
      if (kind === 'open') {
        // Open at the end of `last` = every first concern up to then minus every end.
        for (const y of years.filter((y) => y >= dataStart && y <= last)) {
          add(`${s}|first_concern|${y}`, 1n);
          add(`${s}|ended|${y}`, -1n);
        }
      } else {
        for (let y = Math.max(first, dataStart); y <= last; y++) add(`${s}|${kind}|${y}`, 1n);
      }
    }
    return v;
  }
}

interface Viewer {
  readonly username: string;
  readonly scoped: ReadonlySet<string>;
}
const viewers: readonly Viewer[] = [
  { username: 'rektor-a', scoped: new Set(['A1']) },
  { username: 'rektor-t', scoped: new Set(['T1']) },
  { username: 'kommune-solvik', scoped: new Set(schoolsOf('Solvik')) },
  { username: 'ppt-tofte', scoped: new Set(schoolsOf('Tofte')) },
];

const groups = [
  ...schools.map((s) => ({ name: s.id, ids: [s.id] })),
  ...municipalities.map((m) => ({ name: m, ids: schoolsOf(m) })),
  { name: 'alle kommuner', ids: schools.map((s) => s.id) },
];

let app: SampleApp;
beforeAll(async () => {
  app = await startSuppressionFixture({}, cases);
}, 120_000);
afterAll(() => app.close());

/** A figure answer as rows with flat `n_<base>` columns. */
function rowsOf(body: unknown): Json[] {
  const list = Array.isArray(body) ? (body as Json[]) : [body as Json];
  return list.map((r) => {
    const { n, ...rest } = r;
    return n && typeof n === 'object' ? { ...rest, ...Object.fromEntries(Object.entries(n).map(([k, v]) => [`n_${k}`, v])) } : r;
  });
}

interface Observation {
  readonly kind: Kind;
  readonly unknownSchools: readonly string[];
  readonly first: number;
  readonly last: number;
}

/** Everything a viewer is shown outside the scope, checked against the fixture's counts. */
async function observe(client: AuthClient, viewer: Viewer): Promise<{ observations: Observation[]; problems: string[] }> {
  const observations: Observation[] = [];
  const problems: string[] = [];
  for (const { first, last } of periods) {
    for (const params of [{ by: 'school' }, { by: 'municipality' }, { total: 'all' }] as Array<Record<string, string>>) {
      const query = new URLSearchParams({ from: from(first), to: to(last), ...params });
      const res = await client.get(`/api/figures?${query}`);
      if (res.status !== 200) {
        problems.push(`${query}: ${res.status}`);
        continue;
      }
      for (const row of rowsOf(await res.json())) {
        const ids = schools
          .filter((s) => (row.school_id === undefined || row.school_id === s.id) && (row.municipality === undefined || row.municipality === s.municipality))
          .map((s) => s.id);
        const unknownSchools = ids.filter((id) => !viewer.scoped.has(id));
        for (const kind of kinds) {
          for (const column of columnsOf[kind]) {
            if (row[column] === null) continue;
            const expected = truth(kind, new Set(ids), first, last);
            if (row[column] !== expected) problems.push(`${query} ${ids.join('+')}: ${column} ${String(row[column])}, expected ${expected}`);
            if (unknownSchools.length) observations.push({ kind, unknownSchools, first, last });
          }
        }
      }
    }
  }
  return { observations, problems };
}

/** The hidden cells (primary: below the threshold) whose value the observations give. */
function determined(observations: readonly Observation[], viewer: Viewer): string[] {
  const model = new Model();
  const space = new RowSpace();
  for (const o of observations) space.add(model.vector(o.kind, o.unknownSchools, o.first, o.last));
  const found: string[] = [];
  for (const { name, ids } of groups) {
    const unknownSchools = ids.filter((id) => !viewer.scoped.has(id));
    if (unknownSchools.length === 0) continue;
    for (const y of years.filter((y) => y >= dataStart)) {
      for (const kind of kinds) {
        if (truth(kind, new Set(ids), y, y) >= threshold) continue;
        if (space.spans(model.vector(kind, unknownSchools, y, y))) found.push(`${name} ${y} ${kind} (${truth(kind, new Set(ids), y, y)})`);
      }
    }
  }
  return found;
}

describe('the model', () => {
  it('has the fixture’s numbers: B1 shows 3 open, then 8 first concerns, 6 ended and 5 open', () => {
    const b1 = new Set(['B1']);
    expect([truth('open', b1, 2023, 2023), truth('first_concern', b1, 2024, 2024), truth('ended', b1, 2024, 2024), truth('open', b1, 2024, 2024)]).toEqual([3, 8, 6, 5]);
  });

  it('finds a hidden stock from the next year’s stock and flows (the method can fail)', () => {
    const viewer = viewers[2]!;
    const seen: Observation[] = (['first_concern', 'ended', 'open'] as const).map((kind) => ({ kind, unknownSchools: ['B1'], first: 2024, last: 2024 }));
    expect(determined(seen, viewer)).toEqual(['B1 2023 open (3)', 'Berg 2023 open (3)']);
    // Without the open cases of 2024/25 the three others tell nothing about 2023/24's.
    expect(determined(seen.slice(0, 2), viewer)).toEqual([]);
  });
});

describe.each(viewers)('$username, asking every whole school year', (viewer) => {
  let observations: Observation[] = [];
  let problems: string[] = [];
  beforeAll(async () => {
    ({ observations, problems } = await observe(await signedInAs(app, viewer.username), viewer));
  }, 600_000);

  it('gets answers whose visible counts are the fixture’s, and sees open cases outside the scope', () => {
    expect(problems).toEqual([]);
    expect(observations.some((o) => o.kind === 'open')).toBe(true);
  });

  it('cannot compute a hidden open, first-concern or ended count through the stock identity', () => {
    expect(determined(observations, viewer)).toEqual([]);
  });
});
