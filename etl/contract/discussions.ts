/** discussions: which case was discussed at which meeting. */
import { column, type KindSpec } from './types.ts';

export const discussions: KindSpec = {
  kind: 'discussions',
  columns: [
    column('meeting_id', { t: 'id' }, { required: true, aliases: ['mote_id', 'moteid'] }),
    column('case_id', { t: 'id' }, { required: true, aliases: ['sak_id', 'arende_id'] }),
  ],
  key: ['meeting_id', 'case_id'],
  foreignKeys: [
    { column: 'meeting_id', references: 'meetings' },
    { column: 'case_id', references: 'cases' },
  ],
  rules: [],
};
