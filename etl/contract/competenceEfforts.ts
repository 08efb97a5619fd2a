/** competence_efforts: PPT's competence programmes (e.g. Alle på laget). */
import { column, type KindSpec } from './types.ts';

export const competenceEfforts: KindSpec = {
  kind: 'competence_efforts',
  columns: [
    column('effort_id', { t: 'id' }, { required: true, aliases: ['satsing_id'] }),
    column('name', { t: 'text' }, { required: true, aliases: ['navn'] }),
    column('theme', { t: 'code' }, { aliases: ['tema'] }),
    column('tier', { t: 'integer', min: 1, max: 3 }, { aliases: ['niva'] }),
    column('partner', { t: 'text' }, { aliases: ['samarbeidspartner'] }),
    column('start_date', { t: 'date' }, { aliases: ['oppstart'] }),
    column('end_date', { t: 'date' }, { aliases: ['slutt'] }),
    column('target_group', { t: 'text' }, { aliases: ['malgruppe'] }),
  ],
  key: ['effort_id'],
  foreignKeys: [],
  rules: [
    { column: 'end_date', broken: `end_date < start_date`, reason: 'slutt er før oppstart' },
  ],
};
