/**
 * The example exports in tests/fixtures/exports (fictional, in the shapes municipalities
 * send, with known problems; see its README) and what importing them must give, written by
 * hand: per file the rows read, loaded and rejected, and every rejection's line, column (as
 * the file names it) and reason.
 */
import { join } from 'node:path';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export const exampleExportsDir: string = join(projectRoot, 'tests', 'fixtures', 'exports');

export interface ExpectedFile {
  readonly kind: string;
  readonly read: number;
  readonly inserted: number;
  readonly ignored: readonly string[];
  /** [line, column, reason] */
  readonly rejections: ReadonlyArray<readonly [number, string, string]>;
}

const badDate = 'er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)';
const notInteger = 'er ikke et heltall (bruk bare sifre, uten desimaler eller minustegn)';
const fnr = 'inneholder et fødselsnummer (11 siffer med gyldige kontrollsifre); raden er ikke lest inn. Fjern personnummeret fra eksporten';
const missing = (column: string, table: string) => `${column} finnes ikke i ${table} (verken i databasen eller i denne importen)`;
const roles =
  'rektor, avdelingsleder, inspektor, spesped_koordinator, ppt, helsesykepleier, miljolaerer, sosiallaerer, radgiver, kontaktlaerer, ' +
  'laererrepresentant, flerspraklig_koordinator, barnevern, bup, logoped, psykisk_helseteam, flyktningetjeneste, tgl, fbu, ' +
  'ungdom_og_fritid, foresatte, elev, annet';

/** In the order the importer loads them (parents first). */
export const expectedFiles: Readonly<Record<string, ExpectedFile>> = {
  'skoler.csv': { kind: 'schools', read: 4, inserted: 4, ignored: [], rejections: [] },
  'kompetansesatsinger.csv': { kind: 'competence_efforts', read: 2, inserted: 2, ignored: [], rejections: [] },
  'motelogg.csv': {
    kind: 'meetings', read: 9, inserted: 6, ignored: [],
    rejections: [
      [8, 'Dato', badDate],
      [9, 'Skole_ID', missing('school_id', 'schools')],
      [10, 'Minutter_system', notInteger],
    ],
  },
  'saker.csv': {
    kind: 'cases', read: 16, inserted: 6, ignored: ['beskrivelse', 'elevnavn'],
    rejections: [
      [7, 'grade', 'må være et heltall fra 1 til 10'],
      [8, 'closed_date', 'avsluttet_dato er før første bekymring'],
      [9, 'outcome', 'avsluttet_dato er fylt ut, men utfall mangler (begge eller ingen må fylles ut)'],
      [10, 'student_ref', 'elev_ref skal bare fylles ut for individsaker (sakstype individual)'],
      [11, 'student_ref', fnr],
      [12, 'beskrivelse', fnr],
      [13, 'school_id', missing('school_id', 'schools')],
      [14, 'first_concern_date', badDate],
      [15, 'kind', 'er ikke en gyldig verdi for sakstype (gyldige verdier: system, individual, anonymous)'],
      [16, 'case_id', 'samme nøkkel (case_id) står tidligere i filen; bare den første raden er lest inn'],
    ],
  },
  'droftinger.tsv': {
    kind: 'discussions', read: 10, inserted: 5, ignored: [],
    rejections: [
      [7, 'Sak ID', 'saken hører til en annen skole enn møtet (se school_id i sakene og i møteloggen)'],
      [8, 'Møte ID', missing('meeting_id', 'meetings')],
      [9, 'Sak ID', missing('case_id', 'cases')],
      [10, 'Møte ID', 'samme nøkkel (meeting_id + case_id) står tidligere i filen; bare den første raden er lest inn'],
      [11, 'Møte ID', missing('meeting_id', 'meetings')],
    ],
  },
  'tiltak.csv': {
    kind: 'measures', read: 8, inserted: 3, ignored: [],
    rejections: [
      [5, 'evaluated_date', 'evaluert er før iverksatt'],
      [6, 'case_id', missing('case_id', 'cases')],
      [7, 'staff_reached', notInteger],
      [8, 'level', 'er ikke en gyldig verdi for tiltaksnivå (gyldige verdier: system, individual)'],
      [9, 'responsible_role', `er ikke en gyldig verdi for rolle (gyldige verdier: ${roles})`],
    ],
  },
  'arshjul.csv': { kind: 'yearwheel', read: 4, inserted: 4, ignored: [], rejections: [] },
  'kompetansedeltakelse.csv': { kind: 'competence_participation', read: 3, inserted: 3, ignored: [], rejections: [] },
};

/** Rejected rows per file. */
export const documentedRejections: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(expectedFiles).map(([name, f]) => [name, f.rejections.length]),
);

/** Values in the fixtures that must appear in no report, quarantine or table: identity numbers, a name with a birth date, names, free text. */
export const exampleSecrets: readonly string[] = [
  '140712 30288', '14071230288', '25.09.11 404 81', '25091140481', 'Ola Nordmann 12.03.2014', 'Ola Nordmann', 'Ola Testesen', 'se logg', 'Mor ringte',
];
