/**
 * GET /api/meta?form=columns (the dashboard's form, issue 9): the same answer as /api/meta
 * with the schools as one list per field, for every role, so the scope is the same in both
 * forms (a rector gets their own school scoped and no school of another municipality);
 * the schools' part smaller than in the object form; any other form is a 400 naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from '../auth/authClient.ts';

const roles = ['admin', 'municipality', 'rector', 'ppt'] as const;

let app: SampleApp;
const clients = new Map<string, AuthClient>();

beforeAll(async () => {
  app = await startAuthSampleApp();
  for (const role of roles) clients.set(role, await signedIn(app, role));
}, 60_000);
afterAll(() => app?.close());

type Row = Record<string, unknown>;

/** The columns zipped back into one object per school, written here independently of the dashboard's reader. */
function zip(columns: Record<string, unknown[]>): Row[] {
  const fields = Object.keys(columns);
  const n = columns.school_id!.length;
  for (const f of fields) expect(columns[f]!.length, f).toBe(n);
  return Array.from({ length: n }, (_, i) => Object.fromEntries(fields.map((f) => [f, columns[f]![i]])));
}

describe('/api/meta?form=columns', () => {
  it.each(roles)('for %s: the same schools, fields and everything else as the object form', async (role) => {
    const client = clients.get(role)!;
    const objectsRes = await client.get('/api/meta');
    const columnsRes = await client.get('/api/meta?form=columns');
    expect(columnsRes.status).toBe(200);
    const objects = (await objectsRes.json()) as Row & { schools: Row[] };
    const columns = (await columnsRes.json()) as Row & { schools: Record<string, unknown[]> };
    expect(Object.keys(columns.schools).sort()).toEqual(['level', 'municipality', 'school_id', 'school_name', 'scoped', 'staff', 'students']);
    expect(zip(columns.schools)).toEqual(objects.schools.map((s) => ({ students: null, staff: null, ...s })));
    const { schools: _a, ...restColumns } = columns;
    const { schools: _b, ...restObjects } = objects;
    expect(restColumns).toEqual(restObjects);
  });

  it('keeps the scope: the rector sees Fjordvik only, with Havblikk skole (their own) scoped', async () => {
    const meta = (await (await clients.get('rector')!.get('/api/meta?form=columns')).json()) as { schools: { school_id: string[]; municipality: string[]; scoped: boolean[] } };
    expect(new Set(meta.schools.municipality)).toEqual(new Set(['Fjordvik']));
    const scoped = meta.schools.school_id.filter((_, i) => meta.schools.scoped[i]);
    expect(scoped).toEqual(['990010014']);
  });

  it('sends the schools in less than 60 % of the object form’s text', async () => {
    const client = clients.get('admin')!;
    const objects = JSON.stringify(((await (await client.get('/api/meta')).json()) as { schools: unknown }).schools).length;
    const columns = JSON.stringify(((await (await client.get('/api/meta?form=columns')).json()) as { schools: unknown }).schools).length;
    expect(columns).toBeLessThan(objects * 0.6);
  });

  it('any other form is a 400 naming the parameter', async () => {
    const res = await clients.get('admin')!.get('/api/meta?form=rows');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { details: Array<{ parameter: string }> };
    expect(body.details.map((d) => d.parameter)).toEqual(['form']);
  });
});
