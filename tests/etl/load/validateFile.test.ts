/**
 * Every rule of the data contract, broken once per row: for each kind one file holds a valid
 * row, then a row breaking one rule, and so on (valid rows carry a quoted multi-line note, so
 * physical lines and DuckDB's records differ). Each bad row must be rejected with the file,
 * its physical line, the column as the file names it and a reason; every valid row must load.
 * The same cases run on two very different files: canonical headers (`,`, LF, UTF-8) and
 * Norwegian headers and labels (`;`, CRLF, Windows-1252).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, kindSpec } from '../../../etl/contract/index.ts';
import type { ColumnSpec, KindName } from '../../../etl/contract/types.ts';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import {
  baseRow, columnsOf, dateFormats, norwegianHeaders, norwegianLabels, parentRows, tableOf, withDateFormat, type Row,
} from '../../helpers/contractRows.ts';
import { validNumberFrom } from '../../helpers/nationalIdentityNumber.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { countRows, openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';
import { csvRecord, writeCsv, writeText, type LineEnding, type TestDelimiter, type TestEncoding } from '../../helpers/writeCsv.ts';

/** Marks the extra (ignored) free-text column in a case's expected column and overrides. */
const EXTRA = '_extra';

interface RuleCase {
  readonly kind: KindName;
  readonly rule: string;
  /** Values replacing those of a valid row (`previous` is the valid row just before, as contract values). */
  readonly bad?: (row: Row, previous: Row) => Row;
  /** Changes the record's fields as written (for too few / too many fields). */
  readonly fields?: (fields: string[]) => string[];
  /** Contract column expected in the rejection, EXTRA for the ignored column, null for none. */
  readonly column: string | null;
  readonly reason: RegExp;
  /** A value that must appear in neither the report nor the quarantine. */
  readonly secret?: string;
}

let fnrCounter = 0;
/** A fresh valid national identity number per case (15 March 1987, individual numbers counting up). */
function nextFnr(): string {
  return validNumberFrom(`150387${String(100 + 10 * fnrCounter++).padStart(3, '0')}`);
}

/** Cases that follow from a column's type: every column of every kind. */
function typeCases(kind: KindName, c: ColumnSpec): RuleCase[] {
  const at = (rule: string, value: string, reason: RegExp, secret?: string): RuleCase => ({
    kind, rule: `${c.name} ${rule}`, bad: () => ({ [c.name]: value }), column: c.name, reason, ...(secret ? { secret } : {}),
  });
  const cases: RuleCase[] = [];
  if (c.required) cases.push(at('empty (required column)', '', /mangler verdi \(påkrevd kolonne\)/));
  const t = c.type;
  switch (t.t) {
    case 'id':
      cases.push(at('longer than 64 characters', 'I'.repeat(65), /er lengre enn 64 tegn/));
      cases.push(at('with a control character', 'ID\u0001X', /inneholder tegn som ikke kan skrives ut/));
      break;
    case 'pseudonym':
      cases.push(at('longer than 64 characters', `ElevRef${'x'.repeat(60)}`, /er lengre enn 64 tegn/, 'ElevRef'));
      cases.push(at('with a control character', 'ElevRef\u0007X', /inneholder tegn som ikke kan skrives ut/, 'ElevRef'));
      break;
    case 'date':
      cases.push(at("'31.02.2025' (impossible date)", '31.02.2025', /^er ikke en gyldig dato \(bruk ÅÅÅÅ-MM-DD eller DD\.MM\.ÅÅÅÅ\)$/, '31.02.2025'));
      cases.push(at("'29.02.2023' (not a leap year)", '29.02.2023', /^er ikke en gyldig dato /, '29.02.2023'));
      cases.push(at("'Ola 12.03.2014' (a name and a birth date, never echoed)", 'Ola 12.03.2014', /^er ikke en gyldig dato /, '12.03.2014'));
      break;
    case 'boolean':
      cases.push(at("'kanskje' (text is never echoed)", 'kanskje', /^er ikke ja\/nei \(bruk ja\/nei, true\/false, 1\/0 eller x\)$/, 'kanskje'));
      cases.push(at("'2'", '2', /^er ikke ja\/nei /));
      break;
    case 'integer':
      cases.push(at('negative', '-1', /^er ikke et heltall \(bruk bare sifre, uten desimaler eller minustegn\)$/));
      cases.push(at('decimal', '2.5', /^er ikke et heltall /));
      cases.push(at('text (never echoed)', 'tolv', /^er ikke et heltall /, 'tolv'));
      if (t.min !== undefined && t.max !== undefined) {
        const range = new RegExp(`må være et heltall fra ${t.min} til ${t.max}`);
        cases.push(at(`${t.min - 1} (below ${t.min})`, String(t.min - 1), range));
        cases.push(at(`${t.max + 1} (above ${t.max})`, String(t.max + 1), range));
      }
      break;
    case 'vocab':
      // A name typed into the wrong column must not reach the quarantine: text is never echoed.
      cases.push(at(`not in the closed vocabulary ${t.vocab.name}`, 'Kari Testesen', new RegExp(`^er ikke en gyldig verdi for ${t.vocab.name} \\(gyldige verdier: `), 'Kari Testesen'));
      break;
    case 'list':
      cases.push(at(`with an item not in ${t.vocab.name}`, `${t.vocab.codes[0]}|Kari Testesen`, new RegExp(`^inneholder ukjent ${t.vocab.name} \\(gyldige verdier`), 'Kari Testesen'));
      break;
  }
  const fnr = nextFnr();
  cases.push({ ...at('holding a national identity number', fnr, /inneholder et fødselsnummer/, fnr) });
  return cases;
}

/** Cases every kind has: key, references, field count, an identity number in the free-text column. */
function kindCases(kind: KindName): RuleCase[] {
  const spec = kindSpec(kind);
  const fnr = nextFnr();
  return [
    {
      kind, rule: `the same key (${spec.key.join(' + ')}) as the row before`, column: spec.key[0]!, reason: /samme nøkkel .* står tidligere i filen/,
      bad: (_row, previous) => Object.fromEntries(spec.key.map((k) => [k, previous[k]!])),
    },
    ...spec.foreignKeys.map((fk): RuleCase => ({
      kind, rule: `${fk.column} not in ${fk.references}`, column: fk.column,
      reason: new RegExp(`^${fk.column} finnes ikke i ${fk.references} \\(verken i databasen eller i denne importen\\)$`),
      secret: 'MANGLER-1', bad: () => ({ [fk.column]: 'MANGLER-1' }),
    })),
    { kind, rule: 'too few fields', column: null, reason: /raden har færre felt enn overskriftsraden/, fields: (f) => f.slice(0, -1) },
    { kind, rule: 'too many fields', column: null, reason: /raden har flere felt enn overskriftsraden/, fields: (f) => [...f, 'ekstra'] },
    { kind, rule: 'a national identity number in an ignored free-text column', column: EXTRA, reason: /fødselsnummer/, secret: fnr, bad: () => ({ [EXTRA]: fnr }) },
  ];
}

/** The contract's row rules and value rules that no column type implies. */
const ruleCases: RuleCase[] = [
  ...['301', '03011', 'O301', '12 34'].map((code): RuleCase => ({
    kind: 'schools', rule: `municipality_code '${code}' (not 4 digits)`, column: 'municipality_code', reason: /kommunenummer må ha fire sifre/,
    bad: () => ({ municipality_code: code }),
  })),
  ...['2023-02-29', '2025-02-30', '2025-13-01', '01.13.2025', '32.1.2025', '2025/01/10', '10-01-2025', '1.1.25', 'i går'].map((date): RuleCase => ({
    kind: 'meetings', rule: `date '${date}'`, column: 'date', reason: /er ikke en gyldig dato/, bad: () => ({ date }),
  })),
  { kind: 'cases', rule: 'closed_date without outcome', column: 'outcome', reason: /utfall mangler \(begge eller ingen/, bad: () => ({ outcome: '' }) },
  { kind: 'cases', rule: 'outcome without closed_date', column: 'closed_date', reason: /avsluttet_dato mangler \(begge eller ingen/, bad: () => ({ closed_date: '' }) },
  { kind: 'cases', rule: 'closed_date before first_concern_date', column: 'closed_date', reason: /avsluttet_dato er før første bekymring/, bad: () => ({ closed_date: '2025-01-01' }) },
  { kind: 'cases', rule: 'reported_date before first_concern_date', column: 'reported_date', reason: /meldt_dato er før første bekymring/, bad: () => ({ reported_date: '01.01.2025' }) },
  ...(['system', 'anonymous'] as const).flatMap((caseKind): RuleCase[] => {
    const only = (column: string, label: string): RuleCase => ({
      kind: 'cases', rule: `${column} on ${caseKind === 'system' ? 'a system' : 'an anonymous'} case`, column, reason: new RegExp(`${label} skal bare fylles ut for individsaker`),
      bad: (row) => ({ kind: caseKind, student_ref: '', consent_date: '', challenges: '', [column]: row[column]! }),
    });
    return [only('student_ref', 'elev_ref'), only('consent_date', 'samtykke_dato'), only('challenges', 'utfordringer')];
  }),
  { kind: 'discussions', rule: 'a case and a meeting at different schools', column: 'case_id', reason: /^saken hører til en annen skole enn møtet \(se school_id i sakene og i møteloggen\)$/, bad: () => ({ meeting_id: 'PM-X' }) },
  { kind: 'measures', rule: 'evaluated_date before started_date', column: 'evaluated_date', reason: /evaluert er før iverksatt/, bad: () => ({ evaluated_date: '2025-01-31' }) },
  { kind: 'competence_efforts', rule: 'end_date before start_date', column: 'end_date', reason: /slutt er før oppstart/, bad: () => ({ end_date: '2024-08-31' }) },
];

const casesByKind = new Map<KindName, RuleCase[]>(
  kinds.map((spec) => [spec.kind, [...spec.columns.flatMap((c) => typeCases(spec.kind, c)), ...kindCases(spec.kind), ...ruleCases.filter((r) => r.kind === spec.kind)]]),
);

interface Variant {
  readonly name: string;
  readonly prefix: string;
  readonly offset: number;
  readonly norwegian: boolean;
  readonly extra: string;
  readonly note: string;
  readonly delimiter: TestDelimiter;
  readonly lineEnding: LineEnding;
  readonly encoding: TestEncoding;
}

const variants: readonly Variant[] = [
  {
    name: 'canonical headers, comma, LF, UTF-8', prefix: 'A', offset: 0, norwegian: false, extra: 'merknad',
    note: 'Notat, linje 1\nlinje 2; med "sitat"', delimiter: ',', lineEnding: '\n', encoding: 'utf-8',
  },
  {
    name: 'Norwegian headers and labels, semicolon, CRLF, Windows-1252', prefix: 'B', offset: 1000, norwegian: true, extra: 'Merknad (fritekst)',
    note: 'Notat – linje 1\r\nlinje 2; «sitat» æøå', delimiter: ';', lineEnding: '\r\n', encoding: 'windows-1252',
  },
];

const booleanSpellings = ['true', 'false', 'yes', 'no', 'ja', 'nei', '1', '0', 'x', 'X', '', 'Ja', 'NEI'];
const booleanValue = (s: string) => (s === '' ? null : ['true', 'yes', 'ja', '1', 'x'].includes(s.toLowerCase()));

interface BadRow { readonly c: RuleCase; readonly line: number }
interface Layout {
  readonly name: string;
  readonly text: string;
  /** Valid rows as contract values (ISO dates, codes), for looking them up after the import. */
  readonly goods: Row[];
  readonly bads: BadRow[];
}

function layout(kind: KindName, variant: Variant): Layout {
  const columns = columnsOf(kind);
  const header = (c: string) => (variant.norwegian ? norwegianHeaders[kind][c]! : c);
  const labelled = (row: Row) => (variant.norwegian ? { ...row, ...norwegianLabels[kind] } : row);
  const eol = variant.lineEnding;
  let text = csvRecord([...columns.map(header), variant.extra], variant.delimiter) + eol;
  let line = 2;
  const add = (fields: string[]) => {
    const record = csvRecord(fields, variant.delimiter);
    text += record + eol;
    const here = line;
    line += 1 + (record.match(/\r\n|\r|\n/g)?.length ?? 0);
    return here;
  };
  const goods: Row[] = [];
  const bads: BadRow[] = [];
  let n = variant.offset;
  const addGood = (i: number) => {
    const row = baseRow(kind, n++, variant.prefix);
    const spelling: Row = kind === 'meetings' ? { minutes_written: booleanSpellings[i % booleanSpellings.length]! } : {};
    goods.push({ ...row, ...spelling });
    const written = withDateFormat({ ...labelled(row), ...spelling }, dateFormats[i % 3]!);
    add([...columns.map((c) => written[c]!), i % 2 === 0 ? variant.note : '']);
    return row;
  };
  (casesByKind.get(kind) ?? []).forEach((c, i) => {
    const previous = addGood(i);
    const base = withDateFormat(labelled(baseRow(kind, n++, variant.prefix)), dateFormats[(i + 1) % 3]!);
    const row = { ...base, ...(c.bad?.(baseRow(kind, n - 1, variant.prefix), previous) ?? {}) };
    const fields = [...columns.map((col) => row[col] ?? ''), row[EXTRA] ?? ''];
    bads.push({ c, line: add(c.fields ? c.fields(fields) : fields) });
  });
  addGood(goods.length);
  return { name: `${variant.prefix}-${kind}.csv`, text, goods, bads };
}

const dir = makeTempDir('rt-rules-');
const key = testPseudonymKey();
let db: Database;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await openTestDatabase();
  conn = db.connection;
  // The parents live in the database from an earlier import, as in real use.
  const meetingNumbers = variants.flatMap((v) => Array.from({ length: 400 }, (_, i) => v.offset + i));
  const parents = Object.entries(parentRows(meetingNumbers)).map(([kind, rows]) =>
    writeCsv(dir, `parents-${kind}.csv`, tableOf(kind as KindName, rows)),
  );
  const report = await importBatch(conn, parents, { key });
  expect(report.rejections).toEqual([]);
});
afterAll(() => {
  db?.close();
  removeTempDirs();
});

/** The keys of every stored row of a kind, each as its key columns' text joined by '|'. */
async function storedKeys(kind: KindName): Promise<Set<string>> {
  const columns = kindSpec(kind).key.map((k) => `CAST("${k}" AS VARCHAR)`).join(", '|', ");
  const rows = await queryRows(conn, `SELECT concat(${columns}) AS k FROM "${kind}"`);
  return new Set(rows.map((r) => String(r.k)));
}

const keyOf = (kind: KindName, row: Row) => kindSpec(kind).key.map((k) => row[k]).join('|');

describe.each(variants)('importBatch with $name files', (variant) => {
  describe.each(kinds.map((k) => k.kind))('of %s', (kind) => {
    const file = layout(kind, variant);
    let path: string;
    let report: ImportReport;
    let rowsBefore: number;

    beforeAll(async () => {
      path = writeText(dir, file.name, file.text, variant.encoding);
      rowsBefore = await countRows(conn, kind);
      report = await importBatch(conn, [path], { key });
    });

    it('importBatch loads every valid row and rejects exactly the bad ones', async () => {
      expect(report.files).toEqual([
        {
          file: path, kind, read: file.goods.length + file.bads.length, inserted: file.goods.length, updated: 0, unchanged: 0,
          rejected: file.bads.length, ignored_columns: [variant.extra],
        },
      ]);
      expect(report.rejections.map((r) => r.line)).toEqual(file.bads.map((b) => b.line));
      expect(await countRows(conn, kind)).toBe(rowsBefore + file.goods.length);
      const stored = await storedKeys(kind);
      for (const good of file.goods) expect(stored.has(keyOf(kind, good)), JSON.stringify(good)).toBe(true);
    });

    it('importBatch keeps each rejection in the quarantine as reported', async () => {
      const stored = await queryRows(
        conn,
        `SELECT file, kind, line::INTEGER AS line, "column", reason FROM quarantine WHERE batch_id = $b ORDER BY line`,
        { b: report.batch_id },
      );
      expect(stored).toEqual(report.rejections.map((r) => ({ ...r, kind })));
    });

    it.each(file.bads.map((b) => [b.c.rule, b] as const))('importBatch rejects a row with %s at its physical line, column and reason', (_rule, { c, line }) => {
      const expectedColumn = c.column === null ? null : c.column === EXTRA ? variant.extra : variant.norwegian ? norwegianHeaders[kind][c.column]! : c.column;
      const here = report.rejections.filter((r) => r.line === line);
      expect(here).toHaveLength(1);
      expect(here[0]).toEqual({ file: path, line, column: expectedColumn, reason: expect.stringMatching(c.reason) });
    });

    const secrets = file.bads.flatMap((b) => (b.c.secret ? [b.c.secret] : []));
    if (secrets.length > 0) it('importBatch shows no rejected identity number or student_ref in the report or the quarantine', async () => {
      const quarantine = JSON.stringify(await queryRows(conn, 'SELECT * FROM quarantine'));
      for (const secret of secrets) {
        expect(JSON.stringify(report)).not.toContain(secret);
        expect(quarantine).not.toContain(secret);
      }
    });

    if (kind === 'meetings') it('importBatch stores every boolean spelling (true/false, yes/no, ja/nei, 1/0, x/empty) as its value', async () => {
      const rows = await queryRows(conn, `SELECT meeting_id, minutes_written FROM meetings WHERE meeting_id LIKE '${variant.prefix}MO%'`);
      const stored = new Map(rows.map((r) => [r.meeting_id, r.minutes_written]));
      for (const good of file.goods) expect(stored.get(good.meeting_id!), good.minutes_written).toBe(booleanValue(good.minutes_written!));
    });
  });
});
