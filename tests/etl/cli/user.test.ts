/**
 * The command line's `user add|list|disable|set-password` (tests/helpers/runEtl.ts) against a
 * temporary database holding the sample schools: role and scope rules, generated and stdin
 * passwords, hashes only at rest, and an audit row for every change.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../etl/accounts/passwordHash.ts';
import { sampleDataDir } from '../../../server/loadSampleData.ts';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { dumpDatabase, openTestDatabase } from '../../helpers/testDatabase.ts';

const dbPath = join(makeTempDir('rt-user-cli-'), 'ressursteam.duckdb');
afterAll(removeTempDirs);

const user = (...args: string[]) => runEtl(['user', ...args, '--db', dbPath]);

async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  const db = await openTestDatabase(dbPath);
  try {
    return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

let generated: { user: Record<string, unknown>; password: string };

beforeAll(async () => {
  const imported = await runEtl(['import', join(sampleDataDir, 'schools.csv'), '--db', dbPath, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const added = await user('add', 'rektor1', '--role', 'rector', '--school', '990010014', '--json');
  expect(added.code, added.stderr).toBe(0);
  generated = JSON.parse(added.stdout);
}, 120_000);

describe('etl user add', () => {
  it('without --password-stdin generates a strong password, prints it once, and stores only its hash', async () => {
    expect(generated.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generated.user).toMatchObject({ username: 'rektor1', role: 'rector', school_id: '990010014', municipality: 'Fjordvik', disabled: false });
    const [row] = await query(`SELECT password_hash FROM users WHERE username = 'rektor1'`);
    expect(await verifyPassword(generated.password, String(row!.password_hash))).toBe(true);
  });

  it('prints the generated password in plain output too', async () => {
    const run = await user('add', 'kommune1', '--role', 'municipality', '--municipality', 'Fjordvik');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Passord \(vises bare nå\): [A-Za-z0-9_-]{24}/);
  });

  it('with --password-stdin uses that password and prints none', async () => {
    const run = await runEtl(['user', 'add', 'ppt1', '--role', 'ppt', '--municipality', 'Lauvåsen', '--password-stdin', '--db', dbPath], { input: 'et langt nok passord\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/Passord/);
    const [row] = await query(`SELECT password_hash FROM users WHERE username = 'ppt1'`);
    expect(await verifyPassword('et langt nok passord', String(row!.password_hash))).toBe(true);
  });

  // Refused by the role rules before the database is opened, so they can run side by side.
  const ruleBreaks: Array<[string, string[], RegExp]> = [
    ['a municipality user without --municipality', ['ny-x1', '--role', 'municipality'], /municipality/],
    ['a rector without --school', ['ny-x3', '--role', 'rector'], /school/],
    ['an admin with a municipality', ['ny-x6', '--role', 'admin', '--municipality', 'Fjordvik'], /municipality/],
    ['a municipality user with a school', ['ny-x7', '--role', 'municipality', '--municipality', 'Fjordvik', '--school', '990010014'], /school/],
    ['an unknown role', ['ny-x8', '--role', 'superuser'], /role/],
    ['a username with spaces', ['ole olsen', '--role', 'admin'], /brukernavn/],
  ];

  it(`refuses what breaks the role rules (${ruleBreaks.map(([label]) => label).join('; ')}): non-zero exit, the reason on stderr`, async () => {
    const runs = await Promise.all(ruleBreaks.map(([, args]) => user('add', ...args)));
    runs.forEach((run, i) => {
      const [label, , reason] = ruleBreaks[i]!;
      expect(run.code, label).not.toBe(0);
      expect(run.stderr, label).toMatch(reason);
      expect(run.stdout, label).toBe('');
    });
  });

  it.each([
    ['a ppt user in a municipality that does not exist', ['ny-x2', '--role', 'ppt', '--municipality', 'Atlantis'], /Atlantis/],
    ['a rector at a school that does not exist', ['ny-x4', '--role', 'rector', '--school', '000'], /000/],
    ['a rector whose school is not in the given municipality', ['ny-x5', '--role', 'rector', '--school', '990010014', '--municipality', 'Lauvåsen'], /Lauvåsen/],
    ['a taken username', ['rektor1', '--role', 'admin'], /tatt/],
  ])('refuses %s: non-zero exit, the reason on stderr', async (_label, args, reason) => {
    const run = await user('add', ...args);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(reason);
    expect(run.stdout).toBe('');
  });

  it('stored none of the refused users', async () => {
    expect(await query(`SELECT username FROM users WHERE username LIKE 'ny-x%' OR username = 'ole olsen'`)).toEqual([]);
    expect(await query(`SELECT role FROM users WHERE username = 'rektor1'`)).toEqual([{ role: 'rector' }]);
  });

  it('refuses a password from stdin that is too short', async () => {
    const run = await runEtl(['user', 'add', 'kort', '--role', 'admin', '--password-stdin', '--db', dbPath], { input: 'kort\n' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/minst 12 tegn/);
  });
});

describe('etl user list, disable, set-password', () => {
  it('user list --json lists every account without any hash', async () => {
    const run = await user('list', '--json');
    expect(run.code, run.stderr).toBe(0);
    const users = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['kommune1', 'ppt1', 'rektor1']));
    expect(run.stdout).not.toMatch(/scrypt|password/);
    expect(users.find((u) => u.username === 'rektor1')).toMatchObject({ school_name: 'Havblikk skole', municipality: 'Fjordvik' });
  });

  it('user disable marks the account disabled; an unknown user is an error', async () => {
    expect((await user('disable', 'kommune1')).code).toBe(0);
    const users = JSON.parse((await user('list', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(users.find((u) => u.username === 'kommune1')!.disabled).toBe(true);
    const unknown = await user('disable', 'ingen-slik');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/ingen-slik/);
  });

  it('user set-password --password-stdin replaces the hash', async () => {
    const run = await runEtl(['user', 'set-password', 'rektor1', '--password-stdin', '--db', dbPath], { input: 'et helt nytt passord\n' });
    expect(run.code, run.stderr).toBe(0);
    const [row] = await query(`SELECT password_hash FROM users WHERE username = 'rektor1'`);
    expect(await verifyPassword('et helt nytt passord', String(row!.password_hash))).toBe(true);
    expect(await verifyPassword(generated.password, String(row!.password_hash))).toBe(false);
  });

  it('every change and the import are in the audit log, by the command line, without passwords', async () => {
    const rows = await query(`SELECT action, target, via, details FROM audit_log ORDER BY audit_id`);
    expect(rows.map((r) => `${r.action}:${r.target ?? ''}`)).toEqual([
      'import:',
      'user_add:rektor1',
      'user_add:kommune1',
      'user_add:ppt1',
      'user_disable:kommune1',
      'user_set_password:rektor1',
    ]);
    expect(rows.every((r) => r.via === 'cli')).toBe(true);
    const db = await openTestDatabase(dbPath);
    try {
      const dump = JSON.stringify(await dumpDatabase(db.connection));
      for (const secret of [generated.password, 'et langt nok passord', 'et helt nytt passord']) expect(dump).not.toContain(secret);
    } finally {
      db.close();
    }
  });
});
