/** Reach per effort and school (the largest session, staff and share), and per effort the schools not reached, by name. */
import type { Competence } from '../../api/types.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { dataTable } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { unreachedSchools } from '../../data/competence/unreachedSchools.ts';
import { fileSlug } from '../../export/download.ts';
import type { CompetenceContext } from './competenceContext.ts';

type ReachRow = Competence['reach'][number] & { readonly effort: string; readonly school: string };

export function reachSection(c: CompetenceContext): AsyncSection {
  const { ctx, s } = c;
  return asyncSection({
    id: 'competence-reach',
    title: s.reach,
    t: ctx.t,
    load: async () => {
      const data = await c.data;
      if (!data.efforts.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noEfforts);
      const nameOf = new Map(data.efforts.map((e) => [e.effort_id, e.name]));
      const rows: ReachRow[] = data.reach.map((r) => ({ ...r, effort: nameOf.get(r.effort_id) ?? r.effort_id, school: c.schoolName(data, r.school_id) }));
      const columns = [
        { header: s.effort, value: (r: ReachRow) => r.effort, rowHeader: true },
        { header: s.school, value: (r: ReachRow) => r.school },
        { header: s.sessions, value: (r: ReachRow) => r.sessions, text: (r: ReachRow) => c.count(r.sessions), numeric: true },
        { header: s.participantsMax, value: (r: ReachRow) => r.participants_max, text: (r: ReachRow) => c.count(r.participants_max), numeric: true },
        { header: s.participantsTotal, value: (r: ReachRow) => r.participants_total, text: (r: ReachRow) => c.count(r.participants_total), numeric: true },
        { header: s.staff, value: (r: ReachRow) => r.staff, text: (r: ReachRow) => c.count(r.staff), numeric: true },
        { header: s.share, value: (r: ReachRow) => r.reach_share, text: (r: ReachRow) => c.share(r.reach_share), numeric: true },
      ];
      const table = dataTable(s.reach, columns, rows);
      table.id = 'table-competence-reach';
      const unreached = h(
        'div',
        { class: 'unreached', id: 'competence-unreached' },
        data.efforts.map((e) => {
          const missing = unreachedSchools(data, e.effort_id);
          return h(
            'div',
            { class: 'unreached-effort', 'data-effort': e.effort_id },
            h('h3', {}, s.notReached(e.name)),
            missing.length ? h('ul', { class: 'inline-list' }, missing.map((m) => h('li', {}, m.school_name))) : h('p', {}, s.allReached),
          );
        }),
      );
      return h(
        'div',
        {},
        h('p', { class: 'note' }, s.reachNote),
        scrollRegion(ctx.t.tableRegion(s.reach), table),
        exportButtons({ name: fileSlug('kompetanse-naadd', ctx.state.municipality, ctx.state.from, ctx.state.to), title: s.reach, csv: { rows, columns } }, ctx.t),
        unreached,
      );
    },
  });
}
