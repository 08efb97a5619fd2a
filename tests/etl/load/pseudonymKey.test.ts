import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { loadOrCreatePseudonymKey, pseudonymKey, pseudonymSql } from '../../../etl/load/pseudonymKey.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { testKeyBytes } from '../../helpers/testKey.ts';

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

/** HMAC-SHA-256 in DuckDB, with the pads loaded the way importBatch loads them. */
async function sqlPseudonym(keyBytes: Buffer, ref: string): Promise<string> {
  const key = pseudonymKey(keyBytes);
  await conn.run('CREATE OR REPLACE TEMP TABLE rt_key (inner_pad BLOB, outer_pad BLOB)');
  await conn.run('INSERT INTO rt_key VALUES (unhex($inner), unhex($outer))', { inner: key.innerPadHex, outer: key.outerPadHex });
  const result = await conn.runAndReadAll(`SELECT ${pseudonymSql('$ref::VARCHAR')}`, { ref });
  return result.getRows()[0]![0] as string;
}

const refs = ['E-35911', 'elev-1', 'Åse Ærlig Øvreli', 'Grønnåsen/7B/ÆØÅ', 'ünïcødé ✓', 'emoji 😀', '"quoted", semi;colon', 'x'.repeat(64)];
const keys = [
  { name: 'the test key (36 bytes)', bytes: testKeyBytes },
  { name: 'a 16-byte key', bytes: Buffer.alloc(16, 0xab) },
  { name: 'a 64-byte key (one full SHA-256 block)', bytes: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff)) },
];

describe('pseudonymSql', () => {
  it.each(keys.flatMap((k) => refs.map((ref) => ({ key: k.name, bytes: k.bytes, ref }))))(
    "pseudonymSql('$ref') with $key equals Node's createHmac('sha256')",
    async ({ bytes, ref }) => {
      const expected = createHmac('sha256', bytes).update(ref, 'utf8').digest('hex');
      expect(await sqlPseudonym(bytes, ref)).toBe(expected);
    },
  );

  it('pseudonymSql gives different pseudonyms for different keys', async () => {
    expect(await sqlPseudonym(keys[1]!.bytes, 'E-1')).not.toBe(await sqlPseudonym(keys[2]!.bytes, 'E-1'));
  });
});

describe('pseudonymKey', () => {
  it.each([15, 65, 0])('pseudonymKey refuses a key of %i bytes', (length) => {
    expect(() => pseudonymKey(Buffer.alloc(length, 1))).toThrow(/16–64 bytes/);
  });
});

describe('loadOrCreatePseudonymKey', () => {
  it('loadOrCreatePseudonymKey creates a 32-byte key file readable only by its owner, then reads the same key', () => {
    const path = join(makeTempDir('rt-key-'), 'sub', 'pseudonym.key');
    const first = loadOrCreatePseudonymKey(path);
    expect(first.key.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.key.toString('hex'));
    expect(loadOrCreatePseudonymKey(path).key).toEqual(first.key);
  });
});
