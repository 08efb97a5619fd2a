/** schools: one row per school. */
import { column, type KindSpec } from './types.ts';
import { schoolLevel } from './vocabularies.ts';

export const schools: KindSpec = {
  kind: 'schools',
  columns: [
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'orgnr', 'skolenummer', 'skolenhetskod', 'skolenhet_id'] }),
    column('school_name', { t: 'text' }, { required: true, aliases: ['skole', 'skolenavn', 'skolenhet', 'skolnamn'] }),
    column('municipality', { t: 'text' }, { required: true, aliases: ['kommune', 'kommun'] }),
    column('municipality_code', { t: 'text' }, { aliases: ['kommunenummer', 'kommunkod'] }),
    column('level', { t: 'vocab', vocab: schoolLevel }, { aliases: ['skoletype'] }),
    column('students', { t: 'integer' }, { aliases: ['elever', 'antall_elever', 'antal_elever'] }),
    column('staff', { t: 'integer' }, { aliases: ['ansatte', 'antall_ansatte', 'antal_personal'] }),
  ],
  key: ['school_id'],
  foreignKeys: [],
  rules: [
    {
      column: 'municipality_code',
      broken: `municipality_code IS NOT NULL AND NOT regexp_full_match(municipality_code, '[0-9]{4}')`,
      reason: 'kommunenummer må ha fire sifre',
    },
  ],
};
