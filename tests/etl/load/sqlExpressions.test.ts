import { createHmac } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindSpec } from '../../../etl/contract/index.ts';
import type { KindName } from '../../../etl/contract/types.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { sqlType } from '../../../etl/db/sqlType.ts';
import { pseudonymSql } from '../../../etl/load/pseudonymKey.ts';
import { columnSql, normaliseSql } from '../../../etl/load/sqlExpressions.ts';
import { normaliseName } from '../../../etl/read/normaliseName.ts';
import { openTestDatabase } from '../../helpers/testDatabase.ts';
import { testKeyBytes, testPseudonymKey } from '../../helpers/testKey.ts';

let db: Database;
let conn: DuckDBConnection;
beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  const key = testPseudonymKey();
  await conn.run('CREATE TEMP TABLE rt_key (inner_pad BLOB, outer_pad BLOB)');
  await conn.run('INSERT INTO rt_key VALUES (unhex($inner), unhex($outer))', { inner: key.innerPadHex, outer: key.outerPadHex });
});
afterAll(() => db.close());

/** The typed value and the error of one raw field, as the importer computes them. */
async function evaluate(kind: KindName, column: string, raw: string) {
  const spec = kindSpec(kind).columns.find((c) => c.name === column)!;
  const sql = columnSql(spec, 'v', 'x', pseudonymSql);
  // The importer's levels: trimmed text v → typed value x → error from both.
  const result = await conn.runAndReadAll(
    `SELECT x AS value, ${sql.error} AS error
     FROM (SELECT v, CAST(${sql.value} AS ${sqlType(spec.type)}) AS x FROM (SELECT nullif(trim($raw::VARCHAR), '') AS v))`,
    { raw },
  );
  return result.getRowObjectsJson()[0] as { value: unknown; error: string | null };
}

type Accepted = { kind: KindName; column: string; raw: string; value: unknown };
type Refused = { kind: KindName; column: string; raw: string; error: RegExp };

const accepted: Accepted[] = [
  // dates: YYYY-MM-DD, DD.MM.YYYY, D.M.YYYY
  { kind: 'meetings', column: 'date', raw: '2025-01-31', value: '2025-01-31' },
  { kind: 'meetings', column: 'date', raw: '31.01.2025', value: '2025-01-31' },
  { kind: 'meetings', column: 'date', raw: '1.2.2025', value: '2025-02-01' },
  { kind: 'meetings', column: 'date', raw: '01.2.2025', value: '2025-02-01' },
  { kind: 'meetings', column: 'date', raw: '1.02.2025', value: '2025-02-01' },
  { kind: 'meetings', column: 'date', raw: '29.02.2024', value: '2024-02-29' },
  { kind: 'meetings', column: 'date', raw: '29.2.2024', value: '2024-02-29' },
  { kind: 'meetings', column: 'date', raw: '2024-02-29', value: '2024-02-29' },
  { kind: 'meetings', column: 'date', raw: '31.12.2025', value: '2025-12-31' },
  { kind: 'meetings', column: 'date', raw: ' 2025-01-31 ', value: '2025-01-31' },
  { kind: 'meetings', column: 'date', raw: '0001-01-01', value: '0001-01-01' },
  { kind: 'meetings', column: 'date', raw: '9999-12-31', value: '9999-12-31' },
  { kind: 'meetings', column: 'agenda_sent_date', raw: '', value: null },
  // booleans: true/false, yes/no, ja/nei, 1/0, x/empty
  ...(
    [
      ['true', true], ['TRUE', true], ['false', false], ['False', false], ['yes', true], ['Yes', true], ['no', false],
      ['ja', true], ['Ja', true], ['JA', true], ['nei', false], ['Nei', false], ['1', true], ['0', false],
      ['x', true], ['X', true], [' x ', true], ['', null], ['   ', null],
    ] as const
  ).map(([raw, value]) => ({ kind: 'meetings' as const, column: 'minutes_written', raw, value })),
  // integers: non-negative whole numbers
  { kind: 'schools', column: 'students', raw: '0', value: 0 },
  { kind: 'schools', column: 'students', raw: '356', value: 356 },
  { kind: 'schools', column: 'students', raw: '007', value: 7 },
  { kind: 'schools', column: 'students', raw: ' 42 ', value: 42 },
  { kind: 'schools', column: 'students', raw: '999999999', value: 999999999 },
  // Norwegian thousands separators, as Excel saves a formatted number
  { kind: 'schools', column: 'students', raw: '1 050', value: 1050 },
  { kind: 'schools', column: 'students', raw: '1\u00a0050', value: 1050 },
  { kind: 'schools', column: 'students', raw: '12\u202f345\u202f678', value: 12345678 },
  { kind: 'schools', column: 'students', raw: '', value: null },
  { kind: 'cases', column: 'grade', raw: '1', value: 1 },
  { kind: 'cases', column: 'grade', raw: '10', value: 10 },
  { kind: 'competence_efforts', column: 'tier', raw: '1', value: 1 },
  { kind: 'competence_efforts', column: 'tier', raw: '3', value: 3 },
  // closed vocabularies: codes and Norwegian aliases, normalised
  { kind: 'meetings', column: 'status', raw: '', value: 'held' },
  { kind: 'meetings', column: 'status', raw: 'held', value: 'held' },
  { kind: 'meetings', column: 'status', raw: 'Gjennomført', value: 'held' },
  { kind: 'meetings', column: 'status', raw: 'AVLYST', value: 'cancelled' },
  { kind: 'meetings', column: 'status', raw: 'Cancelled', value: 'cancelled' },
  { kind: 'schools', column: 'level', raw: 'Barneskole', value: 'barneskole' },
  { kind: 'schools', column: 'level', raw: 'UNGDOMSSKOLE', value: 'ungdomsskole' },
  { kind: 'cases', column: 'kind', raw: 'Systemsak', value: 'system' },
  { kind: 'cases', column: 'kind', raw: 'individsak', value: 'individual' },
  { kind: 'cases', column: 'kind', raw: 'Anonym', value: 'anonymous' },
  { kind: 'cases', column: 'kind', raw: 'anonymous', value: 'anonymous' },
  { kind: 'cases', column: 'legal_area', raw: 'Kap11', value: 'kap11' },
  { kind: 'cases', column: 'legal_area', raw: 'Språk', value: 'sprak' },
  { kind: 'cases', column: 'legal_area', raw: 'Nærvær', value: 'naervaer' },
  { kind: 'cases', column: 'outcome', raw: 'Avsluttet', value: 'resolved' },
  { kind: 'cases', column: 'outcome', raw: 'Henvist PPT', value: 'referred_ppt' },
  { kind: 'cases', column: 'outcome', raw: 'henvist-ppt', value: 'referred_ppt' },
  { kind: 'cases', column: 'outcome', raw: 'Henvist annen', value: 'referred_other' },
  { kind: 'cases', column: 'outcome', raw: 'referred_other', value: 'referred_other' },
  { kind: 'measures', column: 'level', raw: 'Systemtiltak', value: 'system' },
  { kind: 'measures', column: 'level', raw: 'Individtiltak', value: 'individual' },
  { kind: 'measures', column: 'responsible_role', raw: 'Spesped koordinator', value: 'spesped_koordinator' },
  { kind: 'yearwheel', column: 'activity', raw: 'Møte', value: 'meeting' },
  { kind: 'yearwheel', column: 'activity', raw: 'TGL-besøk', value: 'tgl_visit' },
  { kind: 'yearwheel', column: 'activity', raw: 'Gjennomgang kartlegging', value: 'survey_review' },
  { kind: 'yearwheel', column: 'activity', raw: 'Årlig evaluering', value: 'annual_review' },
  { kind: 'yearwheel', column: 'activity', raw: 'Systemtema', value: 'system_theme' },
  { kind: 'yearwheel', column: 'activity', raw: 'Annet', value: 'other' },
  // lists: | ; or , between items
  { kind: 'meetings', column: 'participants', raw: 'Rektor|PPT', value: ['rektor', 'ppt'] },
  { kind: 'meetings', column: 'participants', raw: 'rektor; ppt', value: ['rektor', 'ppt'] },
  { kind: 'meetings', column: 'participants', raw: 'rektor, ppt,helsesykepleier', value: ['rektor', 'ppt', 'helsesykepleier'] },
  { kind: 'meetings', column: 'participants', raw: 'Ungdom og fritid | Spesped-koordinator', value: ['ungdom_og_fritid', 'spesped_koordinator'] },
  { kind: 'meetings', column: 'participants', raw: '', value: null },
  { kind: 'cases', column: 'challenges', raw: 'Passiv / stille;Urolig', value: ['passiv', 'uro'] },
  { kind: 'cases', column: 'challenges', raw: 'Samspillsvansker|Oppførsel', value: ['samspill', 'oppforsel'] },
  { kind: 'cases', column: 'challenges', raw: 'lite utbytte', value: ['lite_utbytte'] },
  // codes joined by '|' take the fast path; near misses take the general one, same result
  { kind: 'meetings', column: 'participants', raw: 'rektor|ppt|helsesykepleier', value: ['rektor', 'ppt', 'helsesykepleier'] },
  { kind: 'meetings', column: 'participants', raw: 'ppt', value: ['ppt'] },
  { kind: 'meetings', column: 'participants', raw: 'rektor||ppt', value: ['rektor', 'ppt'] },
  { kind: 'meetings', column: 'participants', raw: 'rektor|ppt|', value: ['rektor', 'ppt'] },
  // ids, codes, text
  { kind: 'schools', column: 'school_id', raw: ' 970000000 ', value: '970000000' },
  { kind: 'schools', column: 'school_id', raw: 'a'.repeat(64), value: 'a'.repeat(64) },
  { kind: 'schools', column: 'school_id', raw: 'Skole Ø-1', value: 'Skole Ø-1' },
  { kind: 'cases', column: 'topic', raw: 'Tilpasset opplæring', value: 'tilpasset_opplaering' },
  { kind: 'cases', column: 'topic', raw: 'Psykisk helse', value: 'psykisk_helse' },
  { kind: 'schools', column: 'school_name', raw: ' Grønnåsen skole ', value: 'Grønnåsen skole' },
];

const refused: Refused[] = [
  ...[
    '31.02.2025', '29.02.2023', '2023-02-29', '2025-02-30', '2025-13-01', '01.13.2025', '32.01.2025', '00.01.2025', '2025-00-10',
    '2025/01/31', '31-01-2025', '2025-1-31', '31.01.25', '31/01/2025', '20250131', '2025-01-31T10:00', 'i morgen', '31.01.2025.',
    '1.2-2025', '01/02.2025', '1x2.2025', '2025.01.31', '2025-01-3a',
    // year 0 (DuckDB reads it as 1 BC), and what the cast would forgive or read otherwise
    '0000-01-01', '0000-02-29', '+025-01-01', '-025-01-01', '2025-0a-01', '2025-01-1 ', '2025-01- 1', '2025 01-01', '٢٠٢٥-01-01',
  ].map((raw) => ({ kind: 'meetings' as const, column: 'date', raw, error: /er ikke en gyldig dato/ })),
  { kind: 'meetings', column: 'date', raw: '', error: /mangler verdi \(påkrevd kolonne\)/ },
  { kind: 'cases', column: 'closed_date', raw: '31.04.2025', error: /^er ikke en gyldig dato \(bruk ÅÅÅÅ-MM-DD eller DD\.MM\.ÅÅÅÅ\)$/ },
  ...['kanskje', '2', 'y', 'n', 'sant', '-', 'xx', 'ja!'].map((raw) => ({
    kind: 'meetings' as const, column: 'minutes_written', raw, error: /er ikke ja\/nei/,
  })),
  ...['-1', '1.5', '1,5', '1.000', '1,000', '1 00', '10 00', '1  000', '1 000 000 000', 'ti', '+3', '1e3', '0x10', '12345678901'].map((raw) => ({
    kind: 'schools' as const, column: 'students', raw, error: /^er ikke et heltall \(bruk bare sifre, uten desimaler eller minustegn\)$/,
  })),
  { kind: 'cases', column: 'grade', raw: '0', error: /må være et heltall fra 1 til 10/ },
  { kind: 'cases', column: 'grade', raw: '11', error: /må være et heltall fra 1 til 10/ },
  { kind: 'cases', column: 'grade', raw: '-3', error: /^er ikke et heltall \(bruk bare sifre, uten desimaler eller minustegn\)$/ },
  { kind: 'competence_efforts', column: 'tier', raw: '4', error: /må være et heltall fra 1 til 3/ },
  { kind: 'competence_efforts', column: 'tier', raw: '0', error: /må være et heltall fra 1 til 3/ },
  { kind: 'meetings', column: 'status', raw: 'utsatt', error: /^er ikke en gyldig verdi for status \(gyldige verdier: held, cancelled\)$/ },
  { kind: 'schools', column: 'level', raw: 'videregående', error: /gyldig verdi for skoletype/ },
  { kind: 'cases', column: 'kind', raw: 'ukjent', error: /gyldig verdi for sakstype/ },
  { kind: 'cases', column: 'legal_area', raw: 'kap13', error: /gyldig verdi for lovområde/ },
  { kind: 'cases', column: 'outcome', raw: 'henlagt', error: /gyldig verdi for utfall/ },
  { kind: 'measures', column: 'level', raw: 'begge', error: /gyldig verdi for tiltaksnivå/ },
  { kind: 'measures', column: 'responsible_role', raw: 'vaktmester', error: /gyldig verdi for rolle/ },
  { kind: 'yearwheel', column: 'activity', raw: 'juleball', error: /gyldig verdi for aktivitet/ },
  { kind: 'meetings', column: 'participants', raw: 'rektor|vaktmester', error: /^inneholder ukjent rolle \(gyldige verdier: rektor, / },
  { kind: 'meetings', column: 'participants', raw: 'rektor|pptx|ppt', error: /^inneholder ukjent rolle / },
  { kind: 'meetings', column: 'participants', raw: 'rektor|ppt.', error: /^inneholder ukjent rolle / },
  { kind: 'cases', column: 'challenges', raw: 'uro;sinne;latskap', error: /^inneholder ukjent utfordring \(gyldige verdier: fagvansker, / },
  { kind: 'schools', column: 'school_id', raw: 'a'.repeat(65), error: /er lengre enn 64 tegn/ },
  { kind: 'schools', column: 'school_id', raw: 'A\u0001B', error: /tegn som ikke kan skrives ut/ },
  { kind: 'schools', column: 'school_id', raw: 'A\u0085B', error: /tegn som ikke kan skrives ut/ },
  { kind: 'schools', column: 'school_id', raw: 'A\u007fB', error: /tegn som ikke kan skrives ut/ },
  { kind: 'schools', column: 'school_id', raw: 'A\tB', error: /tegn som ikke kan skrives ut/ },
  { kind: 'schools', column: 'school_id', raw: '', error: /påkrevd/ },
  { kind: 'schools', column: 'school_name', raw: '   ', error: /påkrevd/ },
  // A national identity number or a birth date in the wrong column is refused without being quoted.
  { kind: 'meetings', column: 'date', raw: '030405 12399', error: /^er ikke en gyldig dato \(bruk ÅÅÅÅ-MM-DD eller DD\.MM\.ÅÅÅÅ\)$/ },
  { kind: 'schools', column: 'students', raw: '12.03.2014', error: /^er ikke et heltall / },
  { kind: 'cases', column: 'grade', raw: '2014', error: /^må være et heltall fra 1 til 10$/ },
  { kind: 'schools', column: 'students', raw: '1 000 000 000', error: /^er ikke et heltall / },
  { kind: 'meetings', column: 'minutes_written', raw: '12.03.2014', error: /^er ikke ja\/nei \(bruk ja\/nei, true\/false, 1\/0 eller x\)$/ },
];

describe('columnSql', () => {
  it.each(accepted)("columnSql for $column of $kind accepts '$raw' as $value", async ({ kind, column, raw, value }) => {
    expect(await evaluate(kind, column, raw)).toEqual({ value, error: null });
  });

  it.each(refused)("columnSql for $column of $kind refuses '$raw' without quoting it", async ({ kind, column, raw, error }) => {
    const result = await evaluate(kind, column, raw);
    expect(result.error).toMatch(error);
    if (raw.trim().length > 1) expect(result.error).not.toContain(raw.trim());
  });

  it.each(['E-35911', ' Åse Ærlig 7B ', 'elev 😀'])("columnSql for cases.student_ref stores HMAC-SHA-256 of the trimmed '%s'", async (raw) => {
    const expected = createHmac('sha256', testKeyBytes).update(raw.trim(), 'utf8').digest('hex');
    expect(await evaluate('cases', 'student_ref', raw)).toEqual({ value: expected, error: null });
  });

  it.each(['x'.repeat(65) + 'Kari', 'Kari\u0001Nordmann'])('columnSql for cases.student_ref refuses %j without showing the value', async (raw) => {
    const { error } = await evaluate('cases', 'student_ref', raw);
    expect(error).toMatch(/64 tegn|skrives ut/);
    expect(error).not.toContain('Kari');
  });
});

describe('normaliseSql', () => {
  it.each([
    'Passiv / stille', 'Gjennomført', 'Møte_ID', 'Antall elever', '  Henvist   PPT ', 'ÆØÅ-æøå', 'a - b / c', 'x\ty',
    'Henvist\u00a0PPT', '\tJa\t', 'Ja\u00a0', ' TGL-besøk ', 'Årlig evaluering', 'Spesped--koordinator', 'É',
  ])('normaliseSql(%j) equals normaliseName (its JavaScript twin)', async (value) => {
    const result = await conn.runAndReadAll(`SELECT ${normaliseSql('$v::VARCHAR')}`, { v: value });
    expect(result.getRows()[0]![0]).toBe(normaliseName(value));
  });
});
