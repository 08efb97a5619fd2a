/**
 * deviations (avvik / avvikelser): cooperation problems between agencies around a child that
 * could not be solved locally or are of principle (Stockholm's quality system). No free text:
 * a description column is an extra column, dropped on import.
 */
import { column, type KindSpec } from './types.ts';
import { agencies, deviationCategory } from './vocabularies.ts';

const notBeforeDate = (name: string, label: string) => ({
  column: name,
  broken: `${name} < date`,
  reason: `${label} er før datoen avviket skjedde (dato)`,
});

export const deviations: KindSpec = {
  kind: 'deviations',
  columns: [
    column('deviation_id', { t: 'id' }, { required: true, aliases: ['avvik_id', 'avvikelse_id'] }),
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'skolenhetskod', 'skolenhet_id'] }),
    column('date', { t: 'date' }, { required: true, aliases: ['dato', 'datum'] }),
    column('agencies', { t: 'list', vocab: agencies }, { required: true, aliases: ['instanser', 'verksamheter'] }),
    column('category', { t: 'vocab', vocab: deviationCategory }, { aliases: ['kategori'] }),
    column('principle', { t: 'boolean' }, { aliases: ['prinsipiell', 'principiell'] }),
    column('escalated_date', { t: 'date' }, { aliases: ['eskalert', 'rapporterad'] }),
    column('answered_date', { t: 'date' }, { aliases: ['besvart', 'besvarad'] }),
    column('resolved_date', { t: 'date' }, { aliases: ['lukket', 'atgardad'] }),
  ],
  key: ['deviation_id'],
  foreignKeys: [{ column: 'school_id', references: 'schools' }],
  rules: [
    {
      column: 'agencies',
      // An agency named twice (`Skole | skola`) is still one agency.
      broken: `len(list_distinct(agencies)) < 2`,
      reason: 'instanser må nevne minst to ulike instanser (et avvik gjelder samarbeidet mellom instanser)',
    },
    notBeforeDate('escalated_date', 'eskalert'),
    notBeforeDate('answered_date', 'besvart'),
    notBeforeDate('resolved_date', 'lukket'),
  ],
};
