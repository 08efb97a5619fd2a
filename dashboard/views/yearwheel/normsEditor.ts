/**
 * The municipality's norms on the page: who set them (or that they are the guides'
 * defaults), and for an administrator or the municipality's own user a form to change
 * them (PUT /api/norms; the server checks the same and audits the change).
 */
import { clearCache } from '../../api/http.ts';
import type { SessionUser } from '../../api/types.ts';
import { putNorms } from '../../api/yearWheelEndpoints.ts';
import type { FollowUpNorms, MunicipalityNorms } from '../../api/yearWheelTypes.ts';
import { h } from '../../components/h.ts';
import { formatDate } from '../../format/dateFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { YearWheelStrings } from './strings.ts';

export function canEditNorms(user: SessionUser, municipality: string): boolean {
  return user.role === 'admin' || (user.role === 'municipality' && user.municipality === municipality);
}

function numberField(id: string, label: string, value: number, min: number, max: number): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name: id, type: 'number', inputmode: 'numeric', min, max, step: 1, required: true, value }));
}

export function normsEditor(norms: FollowUpNorms, user: SessionUser, s: YearWheelStrings, lang: Lang, onSaved: () => void): HTMLElement {
  const source = (n: MunicipalityNorms) =>
    `${s.normsForAll(n.municipality)} ${n.is_default ? s.defaultNorms : s.changedBy(n.updated_by ?? '–', formatDate((n.updated_at ?? '').slice(0, 10), lang))}.`;
  const info = h('p', { class: 'note', id: 'norms-source' }, source(norms));
  if (!canEditNorms(user, norms.municipality)) return h('div', { class: 'norms-editor' }, info);
  const status = h('p', { role: 'status', class: 'norms-status', id: 'norms-status' });
  const form = h(
    'form',
    { class: 'norms-form', id: 'norms-form', 'aria-labelledby': 'norms-form-title' },
    h('h3', { id: 'norms-form-title' }, s.editNorms),
    numberField('norm-interval', s.intervalField, norms.meeting_interval_days, 1, 92),
    numberField('norm-tgl', s.tglField, norms.tgl_meetings_per_school_year, 0, 60),
    h('button', { type: 'submit', class: 'button', id: 'norms-save' }, s.save),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const read = (id: string) => Number((form.querySelector(`#${id}`) as HTMLInputElement).value);
    void putNorms(norms.municipality, { meeting_interval_days: read('norm-interval'), tgl_meetings_per_school_year: read('norm-tgl') })
      .then((saved) => {
        clearCache();
        info.textContent = source(saved);
        status.textContent = s.saved;
        onSaved();
      })
      .catch(() => (status.textContent = s.saveFailed));
  });
  return h('div', { class: 'norms-editor' }, info, form);
}
