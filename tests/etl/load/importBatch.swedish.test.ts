/**
 * Contract v2 on import: the deviations kind and the Swedish header and value aliases.
 * tests/fixtures/swedish holds one hand-written file per kind (Swedish headers with å ä ö,
 * Windows-1252 and UTF-8, `;` and `,`), together using every Swedish alias of the contract and
 * every alias of deviations, plus one row per broken deviation rule; tests/fixtures/exports/v2
 * and tests/fixtures/exports/sv are copies of the shared example exports (see their README).
 * Expected values are written by hand from the fixtures.
 */
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { projectRoot } from '../../../etl/db/defaultPaths.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import type { ImportReport } from '../../../etl/load/importReport.ts';
import { openTestDatabase, queryRows } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures');
const key = testPseudonymKey();

async function imported(dir: string): Promise<{ db: Database; report: ImportReport }> {
  const db = await openTestDatabase();
  return { db, report: await importBatch(db.connection, [dir], { key }) };
}

const files = (report: ImportReport) => report.files.map((f) => [basename(f.file), f.kind, f.read, f.inserted, f.rejected, f.ignored_columns]);
const rejections = (report: ImportReport) => report.rejections.map((r) => [basename(r.file), r.line, r.column, r.reason]);

const agencyCodes = 'school, social_services, child_psychiatry, child_medicine, habilitation, ppt, health, other';
const categoryCodes = 'information, availability, responsibility, waiting_time, other';

describe('importBatch on hand-written Swedish exports of every kind (tests/fixtures/swedish)', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => ({ db, report } = await imported(join(fixtures, 'swedish'))));
  afterAll(() => db?.close());
  const rows = (sql: string) => queryRows(db.connection, sql);

  it('importBatch recognises every file by its Swedish (or Norwegian) header and drops the description column', () => {
    expect(files(report)).toEqual([
      ['skolenheter-2.csv', 'schools', 1, 1, 0, []],
      ['skolenheter.csv', 'schools', 2, 2, 0, []],
      ['kompetanse.csv', 'competence_efforts', 1, 1, 0, []],
      ['moten.csv', 'meetings', 3, 3, 0, []],
      ['arenden.csv', 'cases', 4, 4, 0, []],
      ['diskussioner.csv', 'discussions', 2, 2, 0, []],
      ['atgarder.csv', 'measures', 2, 2, 0, []],
      ['arshjul.csv', 'yearwheel', 1, 1, 0, []],
      ['kompetensdeltagande.csv', 'competence_participation', 1, 1, 0, []],
      ['avvik.csv', 'deviations', 15, 5, 10, []],
      ['avvikelser-koder.csv', 'deviations', 2, 2, 0, []],
      ['avvikelser.csv', 'deviations', 5, 5, 0, ['Beskrivning']],
    ]);
  });

  it('importBatch reads skolenhetskod/skolenhet_id, skolnamn/skolenhet, kommun, kommunkod, antal elever, antal personal (Windows-1252 å ä ö)', async () => {
    expect(await rows('SELECT school_id, school_name, municipality, municipality_code, students, staff FROM schools ORDER BY school_id')).toEqual([
      { school_id: 'SE-1', school_name: 'Ängsbackens skola', municipality: 'Älvsberga', municipality_code: '9971', students: 312, staff: 41 },
      { school_id: 'SE-2', school_name: 'Björkhöjdens skola', municipality: 'Älvsberga', municipality_code: '9971', students: 188, staff: 25 },
      { school_id: 'SE-3', school_name: 'Sjöängens skola', municipality: 'Älvsberga', municipality_code: null, students: null, staff: null },
    ]);
  });

  it('importBatch reads the Swedish meeting log: MöteID, datum, Genomfört/GENOMFÖRT/Inställt, ja/nej, every Swedish role', async () => {
    expect(await rows(`SELECT meeting_id, school_id, date::VARCHAR AS date, status, system_minutes AS s, individual_minutes AS i,
        agenda_sent_date::VARCHAR AS agenda, minutes_written AS minutes, participants FROM meetings ORDER BY meeting_id`)).toEqual([
      { meeting_id: 'SM-1', school_id: 'SE-1', date: '2025-09-03', status: 'held', s: 45, i: 60, agenda: '2025-09-01', minutes: true,
        participants: ['rektor', 'spesped_koordinator', 'helsesykepleier', 'sosiallaerer'] },
      { meeting_id: 'SM-2', school_id: 'SE-1', date: '2025-09-10', status: 'cancelled', s: null, i: null, agenda: null, minutes: false,
        participants: ['ppt', 'radgiver', 'kontaktlaerer'] },
      { meeting_id: 'SM-3', school_id: 'SE-2', date: '2025-09-11', status: 'held', s: 30, i: 30, agenda: null, minutes: false, participants: ['rektor'] },
    ]);
  });

  it('importBatch reads the Swedish cases: ärende_id, ärendetyp (individärende, anonymt, systemärende), första oro, anmäld/samtycke/avslutat datum, årskurs, utfall', async () => {
    expect(await rows(`SELECT case_id, school_id, kind, first_concern_date::VARCHAR AS first, reported_date::VARCHAR AS reported,
        consent_date::VARCHAR AS consent, grade, closed_date::VARCHAR AS closed, outcome, student_ref IS NOT NULL AS has_ref FROM cases ORDER BY case_id`)).toEqual([
      { case_id: 'SA-1', school_id: 'SE-1', kind: 'individual', first: '2025-08-20', reported: '2025-08-25', consent: '2025-08-28', grade: 4, closed: '2025-10-01', outcome: 'resolved', has_ref: true },
      { case_id: 'SA-2', school_id: 'SE-1', kind: 'anonymous', first: '2025-08-21', reported: null, consent: null, grade: null, closed: '2025-10-02', outcome: 'referred_ppt', has_ref: false },
      { case_id: 'SA-3', school_id: 'SE-1', kind: 'system', first: '2025-08-22', reported: null, consent: null, grade: null, closed: '2025-10-03', outcome: 'referred_ppt', has_ref: false },
      { case_id: 'SA-4', school_id: 'SE-2', kind: 'individual', first: '2025-08-23', reported: null, consent: null, grade: 9, closed: '2025-10-04', outcome: 'referred_other', has_ref: true },
    ]);
  });

  it('importBatch reads the Swedish discussions (Möte_ID, Ärende_ID)', async () => {
    expect(await rows('SELECT meeting_id, case_id FROM discussions ORDER BY case_id')).toEqual([
      { meeting_id: 'SM-1', case_id: 'SA-1' },
      { meeting_id: 'SM-1', case_id: 'SA-3' },
    ]);
  });

  it('importBatch reads the Swedish measures: åtgärd_id, åtgärdsnivå (individåtgärd, systemåtgärd), ansvarig, påbörjad, utvärderingsdatum, utvärderad, personal nytta', async () => {
    expect(await rows(`SELECT measure_id, case_id, level, category, responsible_role AS role, started_date::VARCHAR AS started,
        evaluation_due_date::VARCHAR AS due, evaluated_date::VARCHAR AS evaluated, staff_reached FROM measures ORDER BY measure_id`)).toEqual([
      { measure_id: 'ST-1', case_id: 'SA-1', level: 'individual', category: 'veiledning', role: 'kontaktlaerer', started: '2025-09-04', due: '2025-10-15', evaluated: '2025-10-14', staff_reached: null },
      { measure_id: 'ST-2', case_id: 'SA-3', level: 'system', category: 'kartlegging', role: 'spesped_koordinator', started: '2025-09-05', due: '2025-10-16', evaluated: null, staff_reached: 12 },
    ]);
  });

  it('importBatch reads the Swedish year wheel (datum, Möte, titel) and participation (skolenhet_id, datum)', async () => {
    expect(await rows(`SELECT school_id, date::VARCHAR AS date, activity, title FROM yearwheel`)).toEqual([
      { school_id: 'SE-1', date: '2025-09-03', activity: 'meeting', title: 'Elevhälsoteam' },
    ]);
    expect(await rows(`SELECT effort_id, school_id, date::VARCHAR AS date, participants_count AS n FROM competence_participation`)).toEqual([
      { effort_id: 'EF-1', school_id: 'SE-2', date: '2025-10-01', n: 14 },
    ]);
  });

  it('importBatch reads deviations with Norwegian, Swedish and canonical headers and values: every agency and category alias, ja/nej/x', async () => {
    expect(await rows(`SELECT deviation_id AS id, school_id AS school, date::VARCHAR AS date, agencies, category, principle,
        escalated_date::VARCHAR AS escalated, answered_date::VARCHAR AS answered, resolved_date::VARCHAR AS resolved FROM deviations ORDER BY deviation_id`)).toEqual([
      { id: 'KV-1', school: 'SE-3', date: '2025-11-01', agencies: ['child_medicine', 'habilitation', 'ppt', 'health', 'other'], category: 'waiting_time', principle: true, escalated: null, answered: null, resolved: null },
      { id: 'KV-2', school: 'SE-3', date: '2025-11-02', agencies: ['school', 'social_services', 'child_psychiatry'], category: 'availability', principle: false, escalated: null, answered: null, resolved: null },
      { id: 'NV-1', school: 'SE-1', date: '2025-10-01', agencies: ['school', 'social_services'], category: 'information', principle: true, escalated: '2025-10-02', answered: null, resolved: null },
      { id: 'NV-2', school: 'SE-1', date: '2025-10-02', agencies: ['child_psychiatry', 'child_medicine', 'habilitation'], category: 'availability', principle: false, escalated: null, answered: null, resolved: null },
      { id: 'NV-3', school: 'SE-2', date: '2025-10-03', agencies: ['ppt', 'health'], category: 'responsibility', principle: null, escalated: null, answered: null, resolved: null },
      { id: 'NV-4', school: 'SE-2', date: '2025-10-04', agencies: ['health', 'other'], category: 'waiting_time', principle: true, escalated: null, answered: null, resolved: null },
      // The same day as the deviation is allowed for every later date.
      { id: 'NV-5', school: 'SE-2', date: '2025-10-05', agencies: ['school', 'child_psychiatry'], category: 'other', principle: false, escalated: '2025-10-05', answered: '2025-10-05', resolved: '2025-10-05' },
      { id: 'SV-1', school: 'SE-1', date: '2025-09-01', agencies: ['school', 'social_services'], category: 'information', principle: true, escalated: '2025-09-02', answered: '2025-09-20', resolved: '2025-10-01' },
      { id: 'SV-2', school: 'SE-1', date: '2025-09-02', agencies: ['child_medicine', 'habilitation'], category: 'availability', principle: false, escalated: null, answered: null, resolved: null },
      { id: 'SV-3', school: 'SE-1', date: '2025-09-03', agencies: ['ppt', 'health', 'other'], category: 'responsibility', principle: false, escalated: null, answered: null, resolved: null },
      { id: 'SV-4', school: 'SE-2', date: '2025-09-04', agencies: ['school', 'child_psychiatry'], category: 'waiting_time', principle: true, escalated: '2025-09-04', answered: null, resolved: null },
      { id: 'SV-5', school: 'SE-2', date: '2025-09-05', agencies: ['school', 'other'], category: 'other', principle: null, escalated: null, answered: null, resolved: null },
    ]);
  });

  it('importBatch rejects each broken deviation row with its line, the column as the file names it, and a reason in bokmål', () => {
    expect(rejections(report)).toEqual([
      ['avvik.csv', 7, 'Instanser', 'instanser må nevne minst to ulike instanser (et avvik gjelder samarbeidet mellom instanser)'],
      // Skole | skola | SKOLE: one agency named three ways.
      ['avvik.csv', 8, 'Instanser', 'instanser må nevne minst to ulike instanser (et avvik gjelder samarbeidet mellom instanser)'],
      ['avvik.csv', 9, 'Eskalert', 'eskalert er før datoen avviket skjedde (dato)'],
      ['avvik.csv', 10, 'Besvart', 'besvart er før datoen avviket skjedde (dato)'],
      ['avvik.csv', 11, 'Lukket', 'lukket er før datoen avviket skjedde (dato)'],
      ['avvik.csv', 12, 'Instanser', 'mangler verdi (påkrevd kolonne)'],
      ['avvik.csv', 13, 'Instanser', `inneholder ukjent instans (gyldige verdier: ${agencyCodes})`],
      ['avvik.csv', 14, 'Kategori', `er ikke en gyldig verdi for avvikskategori (gyldige verdier: ${categoryCodes})`],
      ['avvik.csv', 14, 'Prinsipiell', 'er ikke ja/nei (bruk ja/nei, true/false, 1/0 eller x)'],
      ['avvik.csv', 15, 'Skole_ID', 'school_id finnes ikke i schools (verken i databasen eller i denne importen)'],
      ['avvik.csv', 16, 'Avvik_ID', 'samme nøkkel (deviation_id) står tidligere i filen; bare den første raden er lest inn'],
    ]);
  });

  it('importBatch stores no description text', async () => {
    const everything = JSON.stringify(await rows('SELECT * FROM deviations'));
    expect(everything).not.toContain('återkoppling');
  });

  it('importBatch with the same folder again changes nothing', async () => {
    const again = await importBatch(db.connection, [join(fixtures, 'swedish')], { key });
    expect(again.files.map((f) => [basename(f.file), f.inserted, f.updated])).toEqual(report.files.map((f) => [basename(f.file), 0, 0]));
  });
});

describe('importBatch on the contract v2 example avvik.csv with its schools (tests/fixtures/exports/v2)', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => ({ db, report } = await imported(join(fixtures, 'exports', 'v2'))));
  afterAll(() => db?.close());

  it('importBatch loads 31 of its 35 deviations and drops Beskrivelse', () => {
    expect(files(report)).toEqual([
      ['skoler.csv', 'schools', 7, 7, 0, []],
      ['avvik.csv', 'deviations', 35, 31, 4, ['Beskrivelse']],
    ]);
  });

  it('importBatch rejects exactly its 4 documented rows: one agency, closed before it happened, unknown category, unknown school', () => {
    expect(rejections(report)).toEqual([
      ['avvik.csv', 6, 'Instanser', 'instanser må nevne minst to ulike instanser (et avvik gjelder samarbeidet mellom instanser)'],
      ['avvik.csv', 7, 'Lukket', 'lukket er før datoen avviket skjedde (dato)'],
      ['avvik.csv', 8, 'Kategori', `er ikke en gyldig verdi for avvikskategori (gyldige verdier: ${categoryCodes})`],
      ['avvik.csv', 9, 'Skole_ID', 'school_id finnes ikke i schools (verken i databasen eller i denne importen)'],
    ]);
  });

  it('importBatch reads its dd.mm.yyyy dates and Norwegian labels (line 3: AV-000-01)', async () => {
    expect(await queryRows(db.connection, `SELECT agencies, principle, escalated_date::VARCHAR AS e, answered_date::VARCHAR AS a FROM deviations WHERE deviation_id = 'AV-000-01'`)).toEqual([
      { agencies: ['social_services', 'other'], principle: false, e: '2025-05-29', a: '2025-07-24' },
    ]);
  });
});

describe('importBatch on the Swedish example export (tests/fixtures/exports/sv)', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => ({ db, report } = await imported(join(fixtures, 'exports', 'sv'))));
  afterAll(() => db?.close());

  it('importBatch loads every row of every file: 0 rejections, the free-text columns dropped', () => {
    expect(rejections(report)).toEqual([]);
    expect(files(report)).toEqual([
      ['skolenheter.csv', 'schools', 7, 7, 0, []],
      ['moten.csv', 'meetings', 544, 544, 0, []],
      ['arenden.csv', 'cases', 663, 663, 0, ['Anteckning']],
      ['diskussioner.csv', 'discussions', 1342, 1342, 0, []],
      ['atgarder.csv', 'measures', 850, 850, 0, []],
      ['arshjul.csv', 'yearwheel', 335, 335, 0, []],
      ['avvikelser.csv', 'deviations', 31, 31, 0, ['Beskrivning']],
    ]);
  });

  it("importBatch reads the first deviation's quoted Swedish agency list (Skola; Hälso- och sjukvård; Elevhälsa)", async () => {
    expect(await queryRows(db.connection, `SELECT agencies FROM deviations WHERE deviation_id = 'AV-000-00'`)).toEqual([{ agencies: ['school', 'health', 'ppt'] }]);
  });
});
