/**
 * Test rows that satisfy the data contract, per kind: a valid row for a row number, the
 * Norwegian header a municipal export would use for each column, and the Norwegian labels
 * it would write. Tests break one thing at a time on top of these.
 */
import { kindSpec } from '../../etl/contract/index.ts';
import type { KindName } from '../../etl/contract/types.ts';

export type Row = Record<string, string>;

/** `2020-01-01` plus n days, as YYYY-MM-DD (for keys that contain a date). */
export function isoDay(n: number): string {
  return new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
}

export type DateFormat = 'iso' | 'dd.mm.yyyy' | 'd.m.yyyy';
export const dateFormats: readonly DateFormat[] = ['iso', 'dd.mm.yyyy', 'd.m.yyyy'];

/** An ISO date written in one of the contract's date formats. */
export function formatDate(iso: string, format: DateFormat): string {
  const [y, m, d] = iso.split('-');
  if (format === 'iso') return iso;
  if (format === 'dd.mm.yyyy') return `${d}.${m}.${y}`;
  return `${Number(d)}.${Number(m)}.${y}`;
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** The row with every ISO date value rewritten in the given format. */
export function withDateFormat(row: Row, format: DateFormat): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isoDate.test(v) ? formatDate(v, format) : v]));
}

/** A valid row of each kind; `n` makes its key unique, `p` prefixes its ids. References point at `parents`. */
export function baseRow(kind: KindName, n: number, p = ''): Row {
  switch (kind) {
    case 'schools':
      return { school_id: `${p}SK${n}`, school_name: `Skole ${n}`, municipality: 'Solstrand', municipality_code: '9901', level: 'kombinert', students: '356', staff: '44' };
    case 'competence_efforts':
      return { effort_id: `${p}EF${n}`, name: `Satsing ${n}`, theme: 'traumer', tier: '2', partner: 'RVTS', start_date: '2024-09-01', end_date: '2026-06-30', target_group: 'Alle' };
    case 'meetings':
      return {
        meeting_id: `${p}MO${n}`, school_id: 'S1', date: '2024-02-29', status: 'held', system_minutes: '60', individual_minutes: '45',
        agenda_sent_date: '2024-02-27', minutes_written: 'true', participants: 'rektor|ppt',
      };
    case 'cases':
      return {
        case_id: `${p}SA${n}`, school_id: 'S1', kind: 'individual', first_concern_date: '2025-01-02', reported_date: '2025-01-05',
        consent_date: '2025-01-06', grade: '5', topic: 'fravaer', legal_area: 'kap11', challenges: 'uro|passiv', student_ref: `E-${p}${n}`,
        closed_date: '2025-03-01', outcome: 'resolved',
      };
    case 'discussions':
      return { meeting_id: `PM-${n}`, case_id: 'PC-1' };
    case 'measures':
      return {
        measure_id: `${p}TI${n}`, case_id: 'PC-1', level: 'individual', category: 'veiledning', responsible_role: 'ppt',
        started_date: '2025-02-01', evaluation_due_date: '2025-03-15', evaluated_date: '2025-03-02', staff_reached: '3',
      };
    case 'yearwheel':
      return { school_id: 'S1', date: isoDay(n), activity: 'meeting', topic: 'skolemiljo', title: 'Ressursteammøte' };
    case 'competence_participation':
      return { effort_id: 'E1', school_id: 'S1', date: isoDay(n), participants_count: '12' };
    case 'deviations':
      return {
        deviation_id: `${p}AV${n}`, school_id: 'S1', date: '2025-03-03', agencies: 'school|child_psychiatry', category: 'waiting_time',
        principle: 'false', escalated_date: '2025-03-10', answered_date: '2025-04-20', resolved_date: '2025-05-02',
      };
  }
}

/** What a Norwegian export writes instead of the codes (all accepted aliases). */
export const norwegianLabels: Readonly<Partial<Record<KindName, Row>>> = {
  schools: { level: 'Kombinert' },
  meetings: { status: 'Gjennomført', minutes_written: 'Ja', participants: 'Rektor | PPT' },
  cases: { kind: 'Individsak', legal_area: 'Kap11', challenges: 'Urolig; Passiv / stille', outcome: 'Avsluttet' },
  measures: { level: 'Individtiltak', responsible_role: 'PPT' },
  yearwheel: { activity: 'Møte' },
  deviations: { agencies: 'Skole | BUP', category: 'Ventetid', principle: 'Nei' },
};

/** Header names as Norwegian exports write them: aliases with odd case, spaces and æøå. */
export const norwegianHeaders: Readonly<Record<KindName, Readonly<Record<string, string>>>> = {
  schools: {
    school_id: 'Skole_ID', school_name: 'Skolenavn', municipality: 'Kommune', municipality_code: 'Kommunenummer',
    level: 'Skoletype', students: 'Antall elever', staff: 'Antall ansatte',
  },
  competence_efforts: {
    effort_id: 'Satsing_ID', name: 'Navn', theme: 'Tema', tier: 'Nivå', partner: 'Samarbeidspartner',
    start_date: 'Oppstart', end_date: 'Slutt', target_group: 'Målgruppe',
  },
  meetings: {
    meeting_id: 'Møte_ID', school_id: 'Skole-ID', date: 'Dato', status: 'STATUS', system_minutes: 'Minutter system',
    individual_minutes: 'Minutter / individ', agenda_sent_date: 'Agenda sendt', minutes_written: 'Referat', participants: 'Deltakere',
  },
  cases: {
    case_id: 'Sak_ID', school_id: 'SKOLE_ID', kind: 'Sakstype', first_concern_date: 'Første bekymring', reported_date: 'Meldt dato',
    consent_date: 'Samtykke dato', grade: 'Trinn', topic: 'Tema', legal_area: 'Lovområde', challenges: 'Utfordringer',
    student_ref: 'Elev-ref', closed_date: 'Avsluttet dato', outcome: 'Utfall',
  },
  discussions: { meeting_id: 'Møte ID', case_id: 'Sak ID' },
  measures: {
    measure_id: 'Tiltak_ID', case_id: 'Sak_ID', level: 'Tiltaksnivå', category: 'Kategori', responsible_role: 'Ansvarlig',
    started_date: 'Iverksatt', evaluation_due_date: 'Evalueringsdato', evaluated_date: 'Evaluert', staff_reached: 'Ansatte nytte',
  },
  yearwheel: { school_id: 'Skole_ID', date: 'Dato', activity: 'Aktivitet', topic: 'Tema', title: 'Tittel' },
  competence_participation: { effort_id: 'Satsing-ID', school_id: 'Skole_ID', date: 'Dato', participants_count: 'Antall deltakere' },
  deviations: {
    deviation_id: 'Avvik_ID', school_id: 'Skole_ID', date: 'Dato', agencies: 'Instanser', category: 'Kategori', principle: 'Prinsipiell',
    escalated_date: 'Eskalert', answered_date: 'Besvart', resolved_date: 'Lukket',
  },
};

/** The contract's column names of a kind, in contract order. */
export function columnsOf(kind: KindName): string[] {
  return kindSpec(kind).columns.map((c) => c.name);
}

/** Header and data rows for a table of rows, in contract column order (or the given header names). */
export function tableOf(kind: KindName, rows: readonly Row[], header: (column: string) => string = (c) => c): string[][] {
  const columns = columnsOf(kind);
  return [columns.map(header), ...rows.map((r) => columns.map((c) => r[c] ?? ''))];
}

/**
 * The parents the rule tests refer to, as files of rows: schools S1 and S2, effort E1, meetings
 * PM-n at S1 (for the given n) and PM-X at S2, cases PC-1 at S1 (individual) and PC-X at S2.
 */
export function parentRows(meetingNumbers: Iterable<number>): Partial<Record<KindName, Row[]>> {
  const meeting = (id: string, school: string) => ({ ...baseRow('meetings', 0), meeting_id: id, school_id: school });
  return {
    schools: [
      { ...baseRow('schools', 0), school_id: 'S1', school_name: 'Grønnåsen skole' },
      { ...baseRow('schools', 0), school_id: 'S2', school_name: 'Havbakken skole', municipality: 'Havbakken', municipality_code: '9902' },
    ],
    competence_efforts: [{ ...baseRow('competence_efforts', 0), effort_id: 'E1' }],
    meetings: [...[...meetingNumbers].map((n) => meeting(`PM-${n}`, 'S1')), meeting('PM-X', 'S2')],
    cases: [
      { ...baseRow('cases', 0), case_id: 'PC-1', school_id: 'S1', student_ref: 'E-PC-1' },
      { ...baseRow('cases', 0), case_id: 'PC-X', school_id: 'S2', student_ref: 'E-PC-X' },
    ],
  };
}
