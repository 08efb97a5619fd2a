/** yearwheel (årshjul): the school's plan for the school year. */
import { column, type KindSpec } from './types.ts';
import { yearwheelActivity } from './vocabularies.ts';

export const yearwheel: KindSpec = {
  kind: 'yearwheel',
  columns: [
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'skolenhetskod', 'skolenhet_id'] }),
    column('date', { t: 'date' }, { required: true, aliases: ['dato', 'datum'] }),
    column('activity', { t: 'vocab', vocab: yearwheelActivity }, { required: true, aliases: ['aktivitet'] }),
    column('topic', { t: 'code' }, { aliases: ['tema'] }),
    column('title', { t: 'text' }, { aliases: ['tittel', 'titel'] }),
  ],
  key: ['school_id', 'date', 'activity'],
  foreignKeys: [{ column: 'school_id', references: 'schools' }],
  rules: [],
};
