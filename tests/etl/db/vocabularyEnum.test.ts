/**
 * Every vocabulary's ENUM sorts its codes as DuckDB sorts them as text, so ORDER BY, min and
 * max over a code column give what they gave before the columns became ENUMs; and a code
 * reads back as the same string.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as vocabularies from '../../../etl/contract/vocabularies.ts';
import type { Vocabulary } from '../../../etl/contract/types.ts';
import { vocabularyEnum } from '../../../etl/db/vocabularyEnum.ts';

const all = Object.values(vocabularies).filter((v): v is Vocabulary => typeof v === 'object' && v !== null && 'codes' in v);

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe('vocabularyEnum', () => {
  it('writes the case kinds in code-point order', () => {
    expect(vocabularyEnum(vocabularies.caseKind)).toBe("ENUM('anonymous', 'individual', 'system')");
  });

  it.each(all.map((v) => [v.name, v] as const))('%s: the ENUM order is the text order and the codes read back unchanged', async (_name, vocab) => {
    const reader = await conn.runAndReadAll(
      `SELECT list(c ORDER BY CAST(c AS ${vocabularyEnum(vocab)}))::VARCHAR[], list(c ORDER BY c), list(CAST(c AS ${vocabularyEnum(vocab)}) ORDER BY c)::VARCHAR[]
       FROM unnest($codes::VARCHAR[]) t(c)`,
      { codes: JSON.stringify(vocab.codes) },
    );
    const [byEnum, byText, readBack] = reader.getRowsJson()[0]!;
    expect(byEnum).toEqual(byText);
    expect(readBack).toEqual(byText);
    expect((byText as string[]).length).toBe(vocab.codes.length);
  });
});
