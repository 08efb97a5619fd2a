/**
 * A hand-made database for the suppression tests, small enough to know every number, served
 * by the real app with sign-in required. Ended individual cases in the school year 2024/25:
 *
 *   Solvik  A1 4 (rektor-a's school)  A2 2  A3 6  A4 9 (ungdomsskole)   total 21
 *   Tofte   T1 7 (rektor-t's school)  T2 3                                total 10
 *   Berg    B1 3                                                          total  3
 *
 * Two ended cases of A4 and one of A3 were referred to PPT. Users (password `passord-<name>`):
 * admin, rektor-a, rektor-t, kommune-solvik (municipality Solvik), ppt-tofte (PPT, Tofte).
 * No meetings, discussions or measures by default (the tests above count on that); a test may
 * load other cases, measures, meetings and discussions into the same schools (the attacker
 * test does, so that every unit has small and large cells).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../../etl/accounts/passwordHash.ts';
import type { NewUser } from '../../../etl/accounts/userAccount.ts';
import { addUser } from '../../../etl/accounts/userStore.ts';
import { openDatabase } from '../../../etl/db/openDatabase.ts';
import type { AuthConfig } from '../../../server/auth/authConfig.ts';
import { createApp } from '../../../server/createApp.ts';
import { insert, type Row } from '../../etl/figures/figureFixture.ts';
import { useOneThread } from '../../helpers/oneThread.ts';
import { fixedToday, type SampleApp } from '../../helpers/sampleApp.ts';

export const fixturePeriod = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' };

export const endedCases: Readonly<Record<string, number>> = { A1: 4, A2: 2, A3: 6, A4: 9, T1: 7, T2: 3, B1: 3 };

export const fixtureSchools: readonly Row[] = [
  { school_id: 'A1', school_name: 'Alfa skole', municipality: 'Solvik', level: 'barneskole' },
  { school_id: 'A2', school_name: 'Beta skole', municipality: 'Solvik', level: 'barneskole' },
  { school_id: 'A3', school_name: 'Gamma skole', municipality: 'Solvik', level: 'barneskole' },
  { school_id: 'A4', school_name: 'Delta ungdomsskole', municipality: 'Solvik', level: 'ungdomsskole' },
  { school_id: 'T1', school_name: 'Tofte skole', municipality: 'Tofte', level: 'kombinert' },
  { school_id: 'T2', school_name: 'Tofte vest skole', municipality: 'Tofte', level: 'kombinert' },
  { school_id: 'B1', school_name: 'Berg skole', municipality: 'Berg', level: 'kombinert' },
];

export function fixtureCases(): Row[] {
  const rows: Row[] = [];
  for (const [school, count] of Object.entries(endedCases)) {
    for (let i = 1; i <= count; i++) {
      const referred = (school === 'A4' && i <= 2) || (school === 'A3' && i === 1);
      rows.push({
        case_id: `${school}-${i}`,
        school_id: school,
        kind: 'individual',
        first_concern_date: '2024-09-02',
        closed_date: `2024-11-${String(i + 1).padStart(2, '0')}`,
        outcome: referred ? 'referred_ppt' : 'resolved',
      });
    }
  }
  return rows;
}

const users: NewUser[] = [
  { username: 'admin', role: 'admin' },
  { username: 'rektor-a', role: 'rector', school_id: 'A1' },
  { username: 'rektor-t', role: 'rector', school_id: 'T1' },
  { username: 'kommune-solvik', role: 'municipality', municipality: 'Solvik' },
  { username: 'ppt-tofte', role: 'ppt', municipality: 'Tofte' },
];

export const passwordOf = (username: string) => `passord-${username}`;

export async function startSuppressionFixture(
  auth: AuthConfig = {},
  caseRows: readonly Row[] = fixtureCases(),
  measureRows: readonly Row[] = [],
  more: { readonly meetings?: readonly Row[]; readonly discussions?: readonly Row[] } = {},
): Promise<SampleApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rt-suppress-'));
  const db = await openDatabase(join(dir, 'fixture.duckdb'));
  await useOneThread(db.connection);
  await insert(db.connection, 'schools', fixtureSchools);
  await insert(db.connection, 'cases', caseRows);
  await insert(db.connection, 'measures', measureRows);
  await insert(db.connection, 'meetings', more.meetings ?? []);
  await insert(db.connection, 'discussions', more.discussions ?? []);
  // Cheap hashes: these tests are about suppression, not password cost.
  for (const user of users) await addUser(db.connection, user, await hashPassword(passwordOf(user.username), { n: 1024, r: 8, p: 1 }), new Date());
  const app = createApp({ instance: db.instance, today: () => fixedToday, auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    users: users.map((u) => ({
      username: u.username,
      password: passwordOf(u.username),
      role: u.role,
      municipality: u.municipality ?? null,
      school_id: u.school_id ?? null,
      school_name: null,
    })),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
