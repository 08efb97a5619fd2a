/**
 * A template for each kind of the contract, to export to or fill in: the contract's columns
 * under a Norwegian header (the first alias), a few example rows that import without a
 * rejection (the schools template names the schools the others refer to), and apart from it
 * the allowed values of each column. The allowed values are a file of their own: a section
 * below the rows would be read as rows.
 */
import { kindSpec } from '../contract/index.ts';
import type { ColumnSpec, ColumnType, KindName } from '../contract/types.ts';
import { excelCsv } from './excelCsv.ts';

/** Where the first alias is not the clearest Norwegian name. */
const headerOverrides: Readonly<Record<string, string>> = {
  'schools.school_name': 'skolenavn',
  'schools.students': 'antall_elever',
  'schools.staff': 'antall_ansatte',
};

/** Example rows by contract column, in Norwegian forms the importer reads (dd.mm.yyyy, Norwegian labels). */
const examples: Readonly<Record<KindName, ReadonlyArray<Readonly<Record<string, string>>>>> = {
  schools: [
    { school_id: '999000001', school_name: 'Eksempel barneskole', municipality: 'Eksempelkommune', municipality_code: '9999', level: 'Barneskole', students: '310', staff: '36' },
    { school_id: '999000002', school_name: 'Eksempel ungdomsskole', municipality: 'Eksempelkommune', municipality_code: '9999', level: 'Ungdomsskole', students: '1 050', staff: '97' },
  ],
  competence_efforts: [
    { effort_id: 'EKS-K1', name: 'Trygt skolemiljø', theme: 'skolemiljo', tier: '1', partner: 'RVTS', start_date: '01.08.2025', end_date: '30.06.2026', target_group: 'Alle ansatte' },
  ],
  meetings: [
    { meeting_id: 'EKS-M1', school_id: '999000001', date: '04.09.2025', status: 'Gjennomført', system_minutes: '45', individual_minutes: '60', agenda_sent_date: '01.09.2025', minutes_written: 'Ja', participants: 'Rektor|PPT|Helsesykepleier' },
    { meeting_id: 'EKS-M2', school_id: '999000001', date: '02.10.2025', status: 'Avlyst', minutes_written: 'Nei' },
  ],
  cases: [
    { case_id: 'EKS-S1', school_id: '999000001', kind: 'Individsak', first_concern_date: '25.08.2025', reported_date: '28.08.2025', consent_date: '01.09.2025', grade: '3', topic: 'fravaer', legal_area: 'kap11', challenges: 'lesevansker|konsentrasjon', student_ref: 'EKS-E1' },
    { case_id: 'EKS-S2', school_id: '999000001', kind: 'Systemsak', first_concern_date: '01.09.2025', topic: 'skolemiljo', closed_date: '15.12.2025', outcome: 'Avsluttet' },
  ],
  discussions: [
    { meeting_id: 'EKS-M1', case_id: 'EKS-S1' },
    { meeting_id: 'EKS-M1', case_id: 'EKS-S2' },
  ],
  measures: [
    { measure_id: 'EKS-T1', case_id: 'EKS-S1', level: 'Individtiltak', category: 'veiledning', responsible_role: 'Kontaktlærer', started_date: '05.09.2025', evaluation_due_date: '05.10.2025', evaluated_date: '03.10.2025' },
    { measure_id: 'EKS-T2', case_id: 'EKS-S2', level: 'Systemtiltak', category: 'kompetanseheving', responsible_role: 'Rektor', started_date: '15.09.2025', evaluation_due_date: '15.12.2025', staff_reached: '20' },
  ],
  yearwheel: [
    { school_id: '999000001', date: '04.09.2025', activity: 'Møte', title: 'Oppstartsmøte' },
    { school_id: '999000001', date: '15.10.2025', activity: 'TGL-besøk', topic: 'skolemiljo', title: 'Besøk fra TGL' },
  ],
  competence_participation: [{ effort_id: 'EKS-K1', school_id: '999000001', date: '15.09.2025', participants_count: '30' }],
  deviations: [
    { deviation_id: 'EKS-A1', school_id: '999000001', date: '10.09.2025', agencies: 'Skole|Barnevern', category: 'Ventetid', principle: 'Ja', escalated_date: '20.09.2025' },
  ],
};

/** The column's header in the templates. */
export function templateHeader(kind: KindName, column: ColumnSpec): string {
  return headerOverrides[`${kind}.${column.name}`] ?? column.aliases[0] ?? column.name;
}

/** The template's rows: header, then the examples. */
export function templateRows(kind: KindName): string[][] {
  const columns = kindSpec(kind).columns;
  return [columns.map((c) => templateHeader(kind, c)), ...examples[kind].map((row) => columns.map((c) => row[c.name] ?? ''))];
}

export function templateCsv(kind: KindName): string {
  return excelCsv(templateRows(kind));
}

function typeText(type: ColumnType): string {
  switch (type.t) {
    case 'id':
      return 'ID (tekst, høyst 64 tegn; aldri navn eller fødselsnummer)';
    case 'text':
      return 'tekst (høyst 200 tegn)';
    case 'code':
      return 'kode (fritt valgt, f.eks. skolemiljo)';
    case 'date':
      return 'dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)';
    case 'boolean':
      return 'ja/nei (ja/nei, true/false, 1/0 eller x)';
    case 'integer':
      return type.min !== undefined && type.max !== undefined ? `heltall fra ${type.min} til ${type.max}` : 'heltall (bare sifre)';
    case 'vocab':
      return `én verdi fra listen${type.default ? ` (tom: ${type.default})` : ''}`;
    case 'list':
      return 'en eller flere verdier fra listen, skilt med |';
    case 'pseudonym':
      return 'elevreferanse fra fagsystemet (aldri navn eller fødselsnummer)';
  }
}

function valuesText(type: ColumnType): string {
  if (type.t !== 'vocab' && type.t !== 'list') return '';
  const aliases = Object.entries(type.vocab.aliases);
  return type.vocab.codes
    .map((code) => {
      const also = aliases.filter(([, c]) => c === code).map(([a]) => a);
      return also.length ? `${code} (også ${also.join(', ')})` : code;
    })
    .join('; ');
}

/** The allowed values of each column of a kind: column, required, type, values. */
export function allowedValuesRows(kind: KindName): string[][] {
  return [
    ['Kolonne', 'Påkrevd', 'Type', 'Tillatte verdier'],
    ...kindSpec(kind).columns.map((c) => [templateHeader(kind, c), c.required ? 'ja' : 'nei', typeText(c.type), valuesText(c.type)]),
  ];
}

export function allowedValuesCsv(kind: KindName): string {
  return excelCsv(allowedValuesRows(kind));
}
