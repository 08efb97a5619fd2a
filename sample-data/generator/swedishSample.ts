/**
 * The sample's Swedish municipality: Älvsunda (fictional), an elevhälsoteam at each of five
 * schools, exported the Swedish way (Swedish headers and labels, `ja/nej`, ISO dates, `;`,
 * Windows-1252 or UTF-8 with BOM, files `sv-*.csv`) so that importing sample-data/ exercises
 * the contract's Swedish aliases. Its schools draw from streams of their own (positions 20–24
 * of the run, apart from the twenty Norwegian schools), so the canonical files stay as they
 * were. Simplifications: the Norwegian school calendar; no legal area or challenges (the
 * Norwegian Education Act's categories); no competence programmes.
 */
import type { CsvValue } from './csvWriter.ts';
import { LocalisedCsvWriter, NoExport, type LocalColumn, type LocalFormat } from './localisedCsvWriter.ts';
import { drawProfile } from './profile.ts';
import { Random } from './random.ts';
import { drawCalendarVariant, drawStaff, type Municipality, type School } from './school.ts';
import type { SchoolLevel } from './topics.ts';
import type { Writers } from './writers.ts';

const schools: ReadonlyArray<{ name: string; level: SchoolLevel; students: number }> = [
  { name: 'Ekbackens skola', level: 'barneskole', students: 380 },
  { name: 'Sjöängsskolan', level: 'kombinert', students: 520 },
  { name: 'Björkhagens skola', level: 'barneskole', students: 240 },
  { name: 'Tallåsens skola', level: 'ungdomsskole', students: 410 },
  { name: 'Älvsunda byskola', level: 'barneskole', students: 110 },
];

/** The first run position after the twenty Norwegian sample schools. */
const firstIndex = 20;

export function swedishSchools(seed: number): School[] {
  const municipality: Municipality = { name: 'Älvsunda', code: '9904', calendar: drawCalendarVariant(Random.derive(seed, 'swedish-municipality')) };
  return schools.map((s, i) => {
    const rng = Random.derive(seed, 'swedish-school-profile', i);
    return {
      index: firstIndex + i,
      tag: `SV${String(i + 1).padStart(2, '0')}`,
      // Skolenhetskod: eight digits in Sweden; 9904… is no real one.
      id: `990400${String(i + 1).padStart(2, '0')}`,
      name: s.name,
      municipality,
      level: s.level,
      students: s.students,
      staff: drawStaff(rng, s.students),
      profile: drawProfile(rng, s.level, s.students),
    };
  });
}

const labels = (map: Readonly<Record<string, string>>) => (value: CsvValue) => (typeof value === 'string' ? (map[value] ?? value) : value);
const yesNo = (value: CsvValue) => (value === true ? 'Ja' : value === false ? 'Nej' : value);

/** Swedish titles of the team members whose work matches a Norwegian role of the contract. */
const roleLabels: Readonly<Record<string, string>> = {
  rektor: 'Rektor',
  spesped_koordinator: 'Specialpedagog',
  helsesykepleier: 'Skolsköterska',
  sosiallaerer: 'Kurator',
  ppt: 'Skolpsykolog',
  radgiver: 'Studie- och yrkesvägledare',
  kontaktlaerer: 'Mentor',
};
const agencyLabels: Readonly<Record<string, string>> = {
  school: 'Skola',
  social_services: 'Socialtjänst',
  child_psychiatry: 'BUP',
  child_medicine: 'Barnmedicin',
  habilitation: 'Habilitering',
  ppt: 'Elevhälsa',
  health: 'Hälso- och sjukvård',
  other: 'Annat',
};
const listOf = (map: Readonly<Record<string, string>>, separator: string) => (value: CsvValue) =>
  typeof value === 'string' && value !== '' ? value.split('|').map((v) => map[v] ?? v).join(separator) : value;

const titleLabels: Readonly<Record<string, string>> = {
  Ressursteammøte: 'Elevhälsoteam',
  'Planlegging av skoleåret': 'Planering av läsåret',
  'Gjennomgang av Elevundersøkelsen': 'Genomgång av elevenkäten',
  'Resultater fra nasjonale prøver': 'Resultat från nationella prov',
  'Gjennomgang av kartleggingsprøver': 'Genomgång av kartläggningar',
  'Årlig evaluering av ressursteamet': 'Årlig utvärdering av elevhälsoteamet',
  'Besøk fra TGL': 'Besök från elevhälsans centrala team',
};

const c = (column: string, header: string, label?: (value: CsvValue) => CsvValue): LocalColumn => ({ column, header, label });
const cp1252 = (file: string): LocalFormat => ({ file, encoding: 'windows-1252' });
const bom = (file: string): LocalFormat => ({ file, encoding: 'utf-8-bom' });

export function openSwedishWriters(dir: string): Writers {
  return {
    schools: new LocalisedCsvWriter(dir, 'schools', bom('sv-skolenheter.csv'), [
      c('school_id', 'Skolenhetskod'), c('school_name', 'Skolenhet'), c('municipality', 'Kommun'), c('municipality_code', 'Kommunkod'),
      c('students', 'Antal elever'), c('staff', 'Antal personal'),
    ]),
    meetings: new LocalisedCsvWriter(dir, 'meetings', cp1252('sv-moten.csv'), [
      c('meeting_id', 'MöteID'), c('school_id', 'Skolenhetskod'), c('date', 'Datum'),
      c('status', 'Status', labels({ held: 'Genomfört', cancelled: 'Inställt' })), c('system_minutes', 'Minuter system'),
      c('individual_minutes', 'Minuter individ'), c('agenda_sent_date', 'Agenda skickad'), c('minutes_written', 'Referat', yesNo),
      c('participants', 'Deltagare', listOf(roleLabels, '|')),
    ]),
    cases: new LocalisedCsvWriter(dir, 'cases', cp1252('sv-arenden.csv'), [
      c('case_id', 'Ärende_ID'), c('school_id', 'Skolenhetskod'),
      c('kind', 'Ärendetyp', labels({ individual: 'Individärende', anonymous: 'Anonymt', system: 'Systemärende' })),
      c('first_concern_date', 'Första oro'), c('reported_date', 'Anmäld datum'), c('consent_date', 'Samtycke datum'), c('grade', 'Årskurs'),
      c('topic', 'Tema'), c('student_ref', 'Elev_ref'), c('closed_date', 'Avslutat datum'),
      c('outcome', 'Utfall', labels({ resolved: 'Avslutat', referred_ppt: 'Remitterad PPT', referred_other: 'Remitterad annan' })),
    ]),
    discussions: new LocalisedCsvWriter(dir, 'discussions', bom('sv-diskussioner.csv'), [c('meeting_id', 'MöteID'), c('case_id', 'Ärende_ID')]),
    measures: new LocalisedCsvWriter(dir, 'measures', cp1252('sv-atgarder.csv'), [
      c('measure_id', 'Åtgärd_ID'), c('case_id', 'Ärende_ID'), c('level', 'Åtgärdsnivå', labels({ system: 'Systemåtgärd', individual: 'Individåtgärd' })),
      c('category', 'Kategori'), c('responsible_role', 'Ansvarig', labels(roleLabels)), c('started_date', 'Påbörjad'),
      c('evaluation_due_date', 'Utvärderingsdatum'), c('evaluated_date', 'Utvärderad'), c('staff_reached', 'Personal nytta'),
    ]),
    yearwheel: new LocalisedCsvWriter(dir, 'yearwheel', bom('sv-arshjul.csv'), [
      c('school_id', 'Skolenhetskod'), c('date', 'Datum'), c('activity', 'Aktivitet', labels({ meeting: 'Möte' })), c('topic', 'Tema'),
      c('title', 'Titel', labels(titleLabels)),
    ]),
    deviations: new LocalisedCsvWriter(dir, 'deviations', cp1252('sv-avvikelser.csv'), [
      c('deviation_id', 'Avvikelse_ID'), c('school_id', 'Skolenhetskod'), c('date', 'Datum'), c('agencies', 'Verksamheter', listOf(agencyLabels, '; ')),
      c('category', 'Kategori', labels({ information: 'Information', availability: 'Tillgänglighet', responsibility: 'Ansvar', waiting_time: 'Väntetid', other: 'Annat' })),
      c('principle', 'Principiell', yesNo), c('escalated_date', 'Rapporterad'), c('answered_date', 'Besvarad'), c('resolved_date', 'Åtgärdad'),
    ]),
    competence_efforts: new NoExport('competence_efforts'),
    competence_participation: new NoExport('competence_participation'),
  };
}
