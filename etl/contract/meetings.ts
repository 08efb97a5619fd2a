/** meetings: the meeting log, one row per resource-team meeting. */
import { column, type KindSpec } from './types.ts';
import { meetingStatus, roles } from './vocabularies.ts';

export const meetings: KindSpec = {
  kind: 'meetings',
  columns: [
    column('meeting_id', { t: 'id' }, { required: true, aliases: ['mote_id', 'moteid'] }),
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'skolenhetskod', 'skolenhet_id'] }),
    column('date', { t: 'date' }, { required: true, aliases: ['dato', 'datum'] }),
    column('status', { t: 'vocab', vocab: meetingStatus, default: 'held' }),
    column('system_minutes', { t: 'integer' }, { aliases: ['minutter_system', 'minuter_system'] }),
    column('individual_minutes', { t: 'integer' }, { aliases: ['minutter_individ', 'minuter_individ'] }),
    column('agenda_sent_date', { t: 'date' }, { aliases: ['agenda_sendt', 'agenda_skickad'] }),
    column('minutes_written', { t: 'boolean' }, { aliases: ['referat'] }),
    column('participants', { t: 'list', vocab: roles }, { aliases: ['deltakere', 'deltagare'] }),
  ],
  key: ['meeting_id'],
  foreignKeys: [{ column: 'school_id', references: 'schools' }],
  rules: [],
};
