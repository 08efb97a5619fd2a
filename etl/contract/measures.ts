/** measures (tiltak): what a case led to. */
import { column, type KindSpec } from './types.ts';
import { measureLevel, roles } from './vocabularies.ts';

export const measures: KindSpec = {
  kind: 'measures',
  columns: [
    column('measure_id', { t: 'id' }, { required: true, aliases: ['tiltak_id', 'atgard_id'] }),
    column('case_id', { t: 'id' }, { required: true, aliases: ['sak_id', 'arende_id'] }),
    column('level', { t: 'vocab', vocab: measureLevel }, { required: true, aliases: ['tiltaksniva', 'atgardsniva'] }),
    column('category', { t: 'code' }, { aliases: ['kategori'] }),
    column('responsible_role', { t: 'vocab', vocab: roles }, { aliases: ['ansvarlig', 'ansvarig'] }),
    column('started_date', { t: 'date' }, { aliases: ['iverksatt', 'paborjad'] }),
    column('evaluation_due_date', { t: 'date' }, { aliases: ['evalueringsdato', 'utvarderingsdatum'] }),
    column('evaluated_date', { t: 'date' }, { aliases: ['evaluert', 'utvarderad'] }),
    column('staff_reached', { t: 'integer' }, { aliases: ['ansatte_nytte', 'personal_nytta'] }),
  ],
  key: ['measure_id'],
  foreignKeys: [{ column: 'case_id', references: 'cases' }],
  rules: [
    {
      column: 'evaluated_date',
      broken: `evaluated_date < started_date`,
      reason: 'evaluert er før iverksatt',
    },
  ],
};
