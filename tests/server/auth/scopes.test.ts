/**
 * Roles and scopes, table-driven: every endpoint × role × a school or municipality in and
 * out of the viewer's scope, against the real app with sign-in required and the demo users
 * (municipality and ppt: Fjordvik; rector: Havblikk skole in Fjordvik), /api/followup included
 * (figures as /api/figures, lists only where scoped), /api/yearwheel (scoped viewers only) and
 * GET/PUT /api/norms (own municipality; PUT admin and municipality users). Every figure answer is
 * also checked for its values: the rows are exactly the groups written by hand below for
 * the role, and each row's unsuppressed numbers equal the figures module's for that school
 * or municipality (scopeValues.ts); rows the viewer is scoped to hide nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpKeys } from '../../../etl/figures/index.ts';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { AuthClient, signedIn } from './authClient.ts';
import { expectFollowUpValues, expectValues, type ExpectedGroup } from './scopeValues.ts';

const roles = ['admin', 'municipality', 'rector', 'ppt'] as const;
type Role = (typeof roles)[number];

const own = '990010014'; // Havblikk skole, Fjordvik: the rector's school
const peer = '990010022'; // Kaibakken skole, Fjordvik
const elsewhere = '990020010'; // Lauvåsen skole, Lauvåsen
const period = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' };

let app: SampleApp;
const clients = new Map<Role, AuthClient>();
let anonymous: AuthClient;

beforeAll(async () => {
  app = await startAuthSampleApp();
  for (const role of roles) clients.set(role, await signedIn(app, role));
  anonymous = new AuthClient(app.url);
});
afterAll(() => app.close());

const figureEndpoints = ['/api/figures', '/api/series/monthly', '/api/series/durations', '/api/series/survival'];

type Expect = Record<Role, number>;
const all = (status: number): Expect => ({ admin: status, municipality: status, rector: status, ppt: status });
const adminOnly: Expect = { admin: 200, municipality: 403, rector: 403, ppt: 403 };

/** What each role gets for each kind of request to a figure endpoint. */
const figureCases: Array<{ label: string; params: Record<string, string>; expected: Expect }> = [
  { label: 'their own scope (no filter)', params: {}, expected: all(200) },
  { label: `the rector's own school`, params: { school: own }, expected: all(200) },
  { label: 'a peer school of Fjordvik', params: { school: peer }, expected: all(200) },
  { label: 'a school of another municipality', params: { school: elsewhere }, expected: adminOnly },
  { label: 'a school that does not exist', params: { school: '000000000' }, expected: all(404) },
  { label: 'their municipality by school', params: { municipality: 'Fjordvik', by: 'school' }, expected: all(200) },
  { label: 'another municipality by school', params: { municipality: 'Lauvåsen', by: 'school' }, expected: adminOnly },
  { label: 'another municipality’s total', params: { municipality: 'Lauvåsen' }, expected: all(200) },
  { label: 'every municipality’s total', params: { by: 'municipality' }, expected: all(200) },
  { label: 'a municipality that does not exist', params: { municipality: 'Atlantis' }, expected: all(404) },
  { label: 'a school and another municipality', params: { school: own, municipality: 'Lauvåsen' }, expected: all(200) },
];

// The schools of the sample data, by municipality (sample-data/schools.csv; Älvsunda's are in sv-skolenheter.csv).
const fjordvikSchools = ['990010014', '990010022', '990010030', '990010049', '990010057', '990010065', '990010073', '990010081', '990010090', '990010103'];
const lauvasenSchools = ['990020010', '990020028', '990020036', '990020044', '990020052', '990020060'];
const municipalities = ['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'Älvsunda'];

/** Whether `role` is scoped to (sees in full) the school or municipality. */
function scopedTo(role: Role, ref: { school?: string; municipality?: string }): boolean {
  if (role === 'admin') return true;
  if (role === 'rector') return ref.school === own && ref.municipality === undefined;
  if (ref.school) return fjordvikSchools.includes(ref.school);
  return ref.municipality === 'Fjordvik';
}

const total = (role: Role, ref: { school?: string; municipality?: string }): ExpectedGroup[] => [{ identity: {}, ref, inScope: scopedTo(role, ref) }];
const schoolRows = (role: Role, ids: readonly string[], municipality: string): ExpectedGroup[] =>
  ids.map((id) => ({ identity: { school_id: id, municipality }, ref: { school: id }, inScope: scopedTo(role, { school: id }) }));
const municipalityRows = (role: Role): ExpectedGroup[] =>
  municipalities.map((m) => ({ identity: { municipality: m }, ref: { municipality: m }, inScope: scopedTo(role, { municipality: m }) }));

/** What a 200 answer holds, by case label and role: written by hand from the rules in server/auth/README.md. */
const expectedGroups: Record<string, (role: Role) => ExpectedGroup[]> = {
  'their own scope (no filter)': (role) =>
    total(role, role === 'admin' ? {} : role === 'rector' ? { school: own } : { municipality: 'Fjordvik' }),
  [`the rector's own school`]: (role) => total(role, { school: own }),
  'a peer school of Fjordvik': (role) => total(role, { school: peer }),
  'a school of another municipality': (role) => total(role, { school: elsewhere }),
  'their municipality by school': (role) => schoolRows(role, fjordvikSchools, 'Fjordvik'),
  'another municipality by school': (role) => schoolRows(role, lauvasenSchools, 'Lauvåsen'),
  'another municipality’s total': (role) => total(role, { municipality: 'Lauvåsen' }),
  'every municipality’s total': (role) => municipalityRows(role),
  // Both must hold and the school is not in Lauvåsen: an empty scope, all counts 0.
  'a school and another municipality': (role) => [{ identity: {}, ref: { school: own, municipality: 'Lauvåsen' }, inScope: role !== 'rector' }],
};

/**
 * /api/figures answers by role and query, as the figure table got them: the follow-up table
 * compares its `suppressed` with the same request's, and the app answers it the same each
 * time, so it is asked once (or fetched here when the follow-up table runs alone).
 */
const figureAnswers = new Map<string, Promise<Record<string, unknown>>>();
function figureAnswer(role: Role, query: string, res?: Response): Promise<Record<string, unknown>> {
  const key = `${role} ${query}`;
  if (!figureAnswers.has(key)) figureAnswers.set(key, (res ? Promise.resolve(res) : clients.get(role)!.get(`/api/figures?${query}`)).then((r) => r.json()));
  return figureAnswers.get(key)!;
}

const table = figureEndpoints.flatMap((endpoint) =>
  figureCases.flatMap((c) => roles.map((role) => ({ endpoint, role, label: c.label, params: c.params, status: c.expected[role] }))),
);

describe('figure and series endpoints', () => {
  it.each(table)('$endpoint, $role, $label → $status', async ({ endpoint, role, label, params, status }) => {
    const query = `${new URLSearchParams({ ...period, ...params })}`;
    const res = await clients.get(role)!.get(`${endpoint}?${query}`);
    expect(res.status).toBe(status);
    if (status !== 200) expect((await res.json()).error).toMatch(/forbidden|unknown_/);
    else {
      const body = endpoint === '/api/figures' ? await figureAnswer(role, query, res) : await res.json();
      await expectValues(app.db.connection, endpoint, period, body, expectedGroups[label]!(role), `${endpoint} ${role} ${label}`);
    }
  });

  it.each(figureEndpoints)('%s without a session is 401', async (endpoint) => {
    const res = await anonymous.get(`${endpoint}?${new URLSearchParams(period)}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'not_signed_in' });
  });
});

/**
 * GET /api/followup: the same scope rules as /api/figures, but `by` is refused (400) for
 * everyone, and the lists come only to a viewer scoped to every school the request covers.
 * The roles that get the lists, by case, written by hand from server/auth/README.md.
 */
const followUpLists: Record<string, readonly Role[]> = {
  'their own scope (no filter)': roles,
  [`the rector's own school`]: roles,
  'a peer school of Fjordvik': ['admin', 'municipality', 'ppt'],
  'a school of another municipality': ['admin'],
  'another municipality’s total': ['admin'],
  // An empty scope covers no school: every viewer is scoped to all of none (the lists are empty).
  'a school and another municipality': roles,
};

const followUpTable = figureCases.flatMap((c) =>
  roles.map((role) => ({ role, label: c.label, params: c.params, status: c.params.by === undefined ? c.expected[role] : 400 })),
);

describe('GET /api/followup', () => {
  it.each(followUpTable)('$role, $label → $status', async ({ role, label, params, status }) => {
    const res = await clients.get(role)!.get(`/api/followup?${new URLSearchParams({ ...period, ...params })}`);
    expect(res.status).toBe(status);
    const body = await res.json();
    if (status === 400) expect(body.error).toBe('invalid_parameters');
    else if (status !== 200) expect(body.error).toMatch(/forbidden|unknown_/);
    else {
      const [group] = expectedGroups[label]!(role);
      const withLists = followUpLists[label]!.includes(role);
      await expectFollowUpValues(app.db.connection, period, body, { ref: group!.ref, inScope: group!.inScope, withLists }, `/api/followup ${role} ${label}`);
      // Suppressed like /api/figures: the same 4b keys hidden, for the same reason.
      const figures = await figureAnswer(role, `${new URLSearchParams({ ...period, ...params })}`);
      const hidden = (figures.suppressed as string[]).filter((k) => (followUpKeys as readonly string[]).includes(k));
      expect(body.suppressed, 'the 4b keys /api/figures hides').toEqual(hidden);
      expect(body.suppressed_reason).toBe(hidden.length > 0 ? figures.suppressed_reason : null);
    }
  });

  it('without a session is 401', async () => {
    const res = await anonymous.get(`/api/followup?${new URLSearchParams(period)}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'not_signed_in' });
  });
});

describe('what a breakdown by school contains', () => {
  const schoolsOf = async (role: Role, extra: Record<string, string> = {}) => {
    const res = await clients.get(role)!.get(`/api/figures?${new URLSearchParams({ ...period, by: 'school', ...extra })}`);
    return ((await res.json()) as Array<{ school_id: string; municipality: string }>);
  };

  it('admin: every school', async () => {
    expect(await schoolsOf('admin')).toHaveLength(25);
  });

  it.each(['municipality', 'ppt', 'rector'] as const)('%s: only the schools of Fjordvik', async (role) => {
    const rows = await schoolsOf(role);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.municipality))).toEqual(new Set(['Fjordvik']));
  });

  it('a by=municipality answer has only municipality totals, never a school', async () => {
    const res = await clients.get('ppt')!.get(`/api/figures?${new URLSearchParams({ ...period, by: 'municipality' })}`);
    const rows = (await res.json()) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.municipality).sort()).toEqual(['Bjørkestrand', 'Fjordvik', 'Lauvåsen', 'Älvsunda']);
    for (const r of rows) expect(r.school_id ?? null).toBeNull();
  });

  it('without a filter, a municipality user gets their own municipality’s total (equal to Fjordvik’s)', async () => {
    const client = clients.get('municipality')!;
    const mine = await (await client.get(`/api/figures?${new URLSearchParams(period)}`)).json();
    const fjordvik = await (await client.get(`/api/figures?${new URLSearchParams({ ...period, municipality: 'Fjordvik' })}`)).json();
    expect(mine.cases_ended).toBe(fjordvik.cases_ended);
    expect(mine.suppressed).toEqual([]);
  });

  it('without a filter, a rector gets their own school', async () => {
    const client = clients.get('rector')!;
    const mine = await (await client.get(`/api/figures?${new URLSearchParams(period)}`)).json();
    const school = await (await client.get(`/api/figures?${new URLSearchParams({ ...period, school: own })}`)).json();
    expect(mine).toEqual(school);
  });
});

describe('meta, session, competence and audit endpoints', () => {
  const cases: Array<{ path: string; expected: Expect }> = [
    { path: '/api/meta', expected: all(200) },
    { path: '/api/session', expected: all(200) },
    { path: `/api/competence?from=2024-08-01&to=2025-07-31`, expected: { admin: 200, municipality: 200, rector: 403, ppt: 200 } },
    { path: `/api/competence?from=2024-08-01&to=2025-07-31&school=${peer}`, expected: { admin: 200, municipality: 200, rector: 403, ppt: 200 } },
    { path: `/api/competence?from=2024-08-01&to=2025-07-31&municipality=Fjordvik&level=ungdomsskole`, expected: { admin: 200, municipality: 200, rector: 403, ppt: 200 } },
    { path: `/api/competence?from=2024-08-01&to=2025-07-31&school=${elsewhere}`, expected: adminOnly },
    { path: `/api/competence?from=2024-08-01&to=2025-07-31&municipality=Lauvåsen`, expected: adminOnly },
    { path: '/api/audit', expected: adminOnly },
    // The year wheel's plan: only for a viewer scoped to the school (not a peer rector).
    { path: `/api/yearwheel?from=2024-08-01&to=2025-07-31&school=${own}`, expected: all(200) },
    { path: `/api/yearwheel?from=2024-08-01&to=2025-07-31&school=${peer}`, expected: { admin: 200, municipality: 200, rector: 403, ppt: 200 } },
    { path: `/api/yearwheel?from=2024-08-01&to=2025-07-31&school=${elsewhere}`, expected: adminOnly },
    // Norms: one's own municipality's (without a parameter too), another's only for an admin.
    { path: '/api/norms', expected: all(200) },
    { path: '/api/norms?municipality=Fjordvik', expected: all(200) },
    { path: '/api/norms?municipality=Lauvåsen', expected: adminOnly },
  ];
  const rows = cases.flatMap((c) => roles.map((role) => ({ ...c, role, status: c.expected[role] })));

  it.each(rows)('$path, $role → $status', async ({ path, role, status }) => {
    expect((await clients.get(role)!.get(path)).status).toBe(status);
  });

  // Writes the guides' defaults, so the other tests' numbers do not move.
  const normChanges = [
    { municipality: 'Fjordvik', expected: { admin: 200, municipality: 200, rector: 403, ppt: 403 } },
    { municipality: 'Lauvåsen', expected: { admin: 200, municipality: 403, rector: 403, ppt: 403 } },
  ].flatMap((c) => roles.map((role) => ({ municipality: c.municipality, role, status: c.expected[role] })));

  it.each(normChanges)('PUT /api/norms for $municipality, $role → $status', async ({ municipality, role, status }) => {
    const body = { municipality, meeting_interval_days: 7, tgl_meetings_per_school_year: 2 };
    expect((await clients.get(role)!.request('PUT', '/api/norms', { body })).status).toBe(status);
  });

  it.each(cases.map((c) => c.path))('%s without a session is 401', async (path) => {
    expect((await anonymous.get(path)).status).toBe(401);
  });

  it('GET /api/health needs no session', async () => {
    expect((await anonymous.get('/api/health')).status).toBe(200);
  });

  it.each([
    ['admin', 25, 25],
    ['municipality', 10, 10],
    ['ppt', 10, 10],
    ['rector', 10, 1],
  ] as const)('/api/meta for %s lists %i schools, %i of them scoped, and every municipality', async (role, listed, scoped) => {
    const meta = (await (await clients.get(role)!.get('/api/meta')).json()) as { schools: Array<{ scoped: boolean }>; municipalities: string[] };
    expect(meta.schools).toHaveLength(listed);
    expect(meta.schools.filter((s) => s.scoped)).toHaveLength(scoped);
    expect(meta.municipalities).toHaveLength(4);
  });

  it('a PPT user’s competence rows are all from the schools of their own municipality, nothing hidden', async () => {
    type Body = { schools: Array<{ school_id: string }>; reach: Array<{ school_id: string }>; demand: Array<{ school_id: string; suppressed_reason: string | null }> };
    const body = (await (await clients.get('ppt')!.get('/api/competence?from=2024-08-01&to=2025-07-31')).json()) as Body;
    expect(body.schools.map((s) => s.school_id).sort()).toEqual(fjordvikSchools);
    expect(body.reach.length).toBeGreaterThan(0);
    expect(body.demand.length).toBeGreaterThan(0);
    const fjordvik = new Set(fjordvikSchools);
    for (const row of [...body.reach, ...body.demand]) expect(fjordvik.has(row.school_id)).toBe(true);
    expect(body.demand.every((d) => d.suppressed_reason === null)).toBe(true);
  });

  it('GET /api/session describes the signed-in user and their school', async () => {
    expect(await (await clients.get('rector')!.get('/api/session')).json()).toEqual({
      username: 'rektor',
      role: 'rector',
      municipality: 'Fjordvik',
      school_id: own,
      school_name: 'Havblikk skole',
    });
  });
});

describe('an app without auth config and without allowAnonymousAdmin', () => {
  let bare: SampleApp;
  beforeAll(async () => {
    const { startSampleApp } = await import('../../helpers/sampleApp.ts');
    bare = await startSampleApp({ allowAnonymousAdmin: false });
  });
  afterAll(() => bare.close());

  it.each(['/api/meta', '/api/session', `/api/figures?${new URLSearchParams(period)}`, '/api/audit', '/api/nothing-here'])(
    '%s answers 401',
    async (path) => {
      expect((await fetch(`${bare.url}${path}`)).status).toBe(401);
    },
  );

  it('GET /api/health still answers, and POST /api/session is reachable (401 for no such user)', async () => {
    expect((await fetch(`${bare.url}/api/health`)).status).toBe(200);
    const client = new AuthClient(bare.url);
    expect((await client.signIn('nobody-here', 'wrong-password-123')).status).toBe(401);
  });
});
