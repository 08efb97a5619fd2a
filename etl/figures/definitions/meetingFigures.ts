/**
 * Meetings held and cancelled, the share of held meetings with agenda in advance and minutes,
 * and (section 4b) the held meetings that lacked either, and those TGL took part in.
 */
import { countOf, ratio, type FigureFamily } from './figureFamily.ts';

const t = 'meeting_figures';

export const meetingFigures: FigureFamily = {
  ctes: [],
  table: t,
  aggregate: {
    from: 'meeting_facts',
    columns: [
      'count(*) FILTER (WHERE held) AS meetings_held',
      'count(*) FILTER (WHERE cancelled) AS meetings_cancelled',
      'count(*) FILTER (WHERE held AND agenda_in_advance) AS agenda_in_advance',
      'count(*) FILTER (WHERE held AND minutes_written) AS minutes_written',
      'count(*) FILTER (WHERE held AND tgl_present) AS tgl_meetings',
    ],
  },
  figures: {
    meetings_held: countOf(t, 'meetings_held'),
    meetings_cancelled: countOf(t, 'meetings_cancelled'),
    agenda_in_advance_rate: ratio(`${t}.agenda_in_advance`, `${t}.meetings_held`),
    minutes_rate: ratio(`${t}.minutes_written`, `${t}.meetings_held`),
    tgl_meetings: countOf(t, 'tgl_meetings'),
    // The complements of the rates' numerators: unknown minutes count as missing.
    meetings_without_agenda_in_advance: `${countOf(t, 'meetings_held')} - ${countOf(t, 'agenda_in_advance')}`,
    meetings_without_minutes: `${countOf(t, 'meetings_held')} - ${countOf(t, 'minutes_written')}`,
  },
  bases: { meetings_held: countOf(t, 'meetings_held') },
};
