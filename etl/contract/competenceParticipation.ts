/** competence_participation: how many took part in an effort, per school and date. */
import { column, type KindSpec } from './types.ts';

export const competenceParticipation: KindSpec = {
  kind: 'competence_participation',
  columns: [
    column('effort_id', { t: 'id' }, { required: true, aliases: ['satsing_id'] }),
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'skolenhetskod', 'skolenhet_id'] }),
    column('date', { t: 'date' }, { required: true, aliases: ['dato', 'datum'] }),
    column('participants_count', { t: 'integer' }, { required: true, aliases: ['antall_deltakere'] }),
  ],
  key: ['effort_id', 'school_id', 'date'],
  foreignKeys: [
    { column: 'effort_id', references: 'competence_efforts' },
    { column: 'school_id', references: 'schools' },
  ],
  rules: [],
};
