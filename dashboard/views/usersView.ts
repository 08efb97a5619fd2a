/**
 * User administration (`?view=users`), for administrators (everyone) and municipality users
 * (their municipality's users; the server decides, and refuses the rest). Lists the accounts
 * with disable/enable and a new password (shown once, in a status line), a form to add a user
 * and one to change a user's role and scope, and the identity-provider mappings with a form
 * to add one, one to change a mapping's role and scope, and a button to remove each. Every change goes to the server at once; the lists
 * are read again after it.
 */
import { getProviders } from '../api/sessionEndpoints.ts';
import type { Role } from '../api/types.ts';
import { addMapping, addUser, changeMapping, changeUser, listMappings, listUsers, newPassword, removeMapping, type AdminUser, type Grant, type Mapping } from '../api/userAdminEndpoints.ts';
import { dataTable, type TableColumn } from '../components/dataTable.ts';
import { h } from '../components/h.ts';
import { scrollRegion } from '../components/scrollRegion.ts';
import { mappingEditStrings } from '../i18n/mappingEditStrings.ts';
import { usersStrings } from '../i18n/usersStrings.ts';
import { usersProblemText } from './usersProblemText.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

const roles: readonly Role[] = ['admin', 'municipality', 'ppt', 'rector'];

export function usersView(ctx: ViewContext): ViewResult {
  const { t, meta } = ctx;
  const u = usersStrings(ctx.lang);
  const roleName = (role: Role) => t.auth.roles[role];
  const status = h('p', { class: 'note users-status', role: 'status', id: 'users-status' });
  const usersBox = h('div', { id: 'users-list' });
  const mappingsBox = h('div', { id: 'mappings-list' });

  const problem = (error: unknown): string => usersProblemText(u, error);
  const act = (work: () => Promise<string>) => () =>
    void work()
      .then((message) => {
        status.textContent = message;
        return reload();
      })
      .catch((error: unknown) => (status.textContent = u.failed(problem(error))));

  const scopeOf = (x: { municipality: string | null; school_id: string | null }) =>
    x.school_id ? `${meta.schools.find((s) => s.school_id === x.school_id)?.school_name ?? x.school_id}, ${x.municipality ?? ''}` : (x.municipality ?? t.auth.allSchools);

  const userColumns: TableColumn<AdminUser>[] = [
    { header: u.username, value: (x) => x.username, rowHeader: true },
    { header: u.role, value: (x) => roleName(x.role) },
    { header: u.scope, value: (x) => scopeOf(x) },
    { header: u.status, value: (x) => (x.disabled ? u.disabled : u.active) },
  ];

  /** The role, municipality and school fields, with ids under `prefix`. */
  function grantFields(prefix: string) {
    const select = (id: string, options: Array<[string, string]>) =>
      h('select', { id, class: 'text-input' }, ...options.map(([value, text]) => h('option', { value }, text)));
    const role = select(`${prefix}-role`, roles.map((r) => [r, roleName(r)]));
    const municipality = select(`${prefix}-municipality`, [['', u.none], ...meta.municipalities.map((m): [string, string] => [m, m])]);
    const school = select(`${prefix}-school`, [['', u.none], ...meta.schools.map((s): [string, string] => [s.school_id, `${s.school_name} (${s.municipality})`])]);
    const field = (id: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
    return {
      elements: [field(`${prefix}-role`, u.role, role), field(`${prefix}-municipality`, u.municipality, municipality), field(`${prefix}-school`, u.school, school)],
      /** Shows a grant in the fields (the current one of what is being changed). */
      show: (g: { role: Role; municipality: string | null; school_id: string | null }) => {
        role.value = g.role;
        municipality.value = g.role === 'municipality' || g.role === 'ppt' ? (g.municipality ?? '') : '';
        school.value = g.school_id ?? '';
      },
      grant: (): Grant => ({
        role: role.value as Role,
        municipality: role.value === 'municipality' || role.value === 'ppt' ? municipality.value || null : null,
        school_id: role.value === 'rector' ? school.value || null : null,
      }),
    };
  }

  function addUserForm(): HTMLElement {
    const name = h('input', { id: 'user-add-name', class: 'text-input', type: 'text', autocomplete: 'off', required: true });
    const grant = grantFields('user-add');
    const form = h('form', { class: 'users-form', 'aria-labelledby': 'user-add-heading' }, h('h2', { id: 'user-add-heading' }, u.addHeading),
      h('div', { class: 'field' }, h('label', { for: 'user-add-name' }, u.username), name), ...grant.elements,
      h('button', { type: 'submit', class: 'button button-primary', id: 'user-add-submit' }, u.add));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(async () => {
        const added = await addUser(name.value.trim(), grant.grant());
        name.value = '';
        return u.added(added.user.username, added.password);
      })();
    });
    return form;
  }

  function changeUserForm(users: readonly AdminUser[]): HTMLElement {
    const who = h('select', { id: 'user-change-name', class: 'text-input' }, ...users.map((x) => h('option', { value: x.username }, x.username)));
    const grant = grantFields('user-change');
    // The fields start at the chosen user's grant (not the first role in the list), so saving
    // without a change changes nothing; as the mapping form does.
    const showChosen = () => {
      const chosen = users.find((x) => x.username === who.value) ?? users[0];
      if (chosen) grant.show(chosen);
    };
    who.addEventListener('change', showChosen);
    showChosen();
    const form = h('form', { class: 'users-form', 'aria-labelledby': 'user-change-heading' }, h('h2', { id: 'user-change-heading' }, u.changeHeading),
      h('div', { class: 'field' }, h('label', { for: 'user-change-name' }, u.user), who), ...grant.elements,
      h('button', { type: 'submit', class: 'button', id: 'user-change-submit' }, u.change));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(async () => {
        await changeUser(who.value, grant.grant());
        return u.changedUser(who.value);
      })();
    });
    return form;
  }

  function usersTable(users: readonly AdminUser[]): HTMLElement {
    const table = dataTable(u.usersTable, userColumns, users);
    table.id = 'table-users';
    table.querySelector('thead tr')!.append(h('th', { scope: 'col' }, u.actions));
    table.querySelectorAll('tbody tr').forEach((tr, i) => {
      const x = users[i]!;
      const self = x.username === ctx.user.username;
      tr.append(h('td', { class: 'users-actions' },
        h('button', { type: 'button', class: 'button button-small', disabled: self, 'data-action': 'toggle', 'aria-label': `${x.disabled ? u.enable : u.disable} ${x.username}`,
          onclick: act(async () => { await changeUser(x.username, { disabled: !x.disabled }); return u.changedUser(x.username); }) }, x.disabled ? u.enable : u.disable),
        ' ',
        h('button', { type: 'button', class: 'button button-small', 'data-action': 'password', 'aria-label': `${u.newPassword}: ${x.username}`,
          onclick: act(async () => u.passwordShown(x.username, await newPassword(x.username))) }, u.newPassword)));
    });
    // Wide on a phone: the table scrolls in its own box, not the page.
    return scrollRegion(u.usersTable, table);
  }

  function mappingsSection(mappings: readonly Mapping[], providers: ReadonlyArray<{ id: string; label: string }>): HTMLElement[] {
    const columns: TableColumn<Mapping>[] = [
      { header: u.provider, value: (m) => providers.find((p) => p.id === m.provider)?.label ?? m.provider, rowHeader: true },
      { header: u.kind, value: (m) => u.kinds[m.kind] ?? m.kind },
      { header: u.value, value: (m) => (m.kind === 'subject' ? m.value.slice(0, 12) : m.value) },
      { header: u.role, value: (m) => roleName(m.role) },
      { header: u.scope, value: (m) => scopeOf(m) },
    ];
    const table = dataTable(u.mappingsTable, columns, mappings);
    table.id = 'table-mappings';
    table.querySelector('thead tr')!.append(h('th', { scope: 'col' }, u.actions));
    table.querySelectorAll('tbody tr').forEach((tr, i) => {
      const m = mappings[i]!;
      tr.append(h('td', {}, h('button', { type: 'button', class: 'button button-small', 'aria-label': `${u.remove}: ${m.value.slice(0, 24)}`,
        onclick: act(async () => { await removeMapping(m.mapping_id); return u.mappingRemoved; }) }, u.remove)));
    });
    const provider = h('select', { id: 'mapping-provider', class: 'text-input' }, ...providers.map((p) => h('option', { value: p.id }, p.label)));
    const kind = h('select', { id: 'mapping-kind', class: 'text-input' }, ...(['subject', 'group', 'organisation'] as const).map((k) => h('option', { value: k }, u.kinds[k]!)));
    const value = h('input', { id: 'mapping-value', class: 'text-input', type: 'text', autocomplete: 'off', required: true });
    const grant = grantFields('mapping');
    const field = (id: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), input);
    const form = h('form', { class: 'users-form', 'aria-labelledby': 'mapping-add-heading' }, h('h3', { id: 'mapping-add-heading' }, u.addMapping),
      field('mapping-provider', u.provider, provider), field('mapping-kind', u.kind, kind), field('mapping-value', u.value, value), ...grant.elements,
      h('button', { type: 'submit', class: 'button', id: 'mapping-add-submit' }, u.addMapping));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      act(async () => {
        await addMapping({ provider: provider.value, kind: kind.value, value: value.value.trim(), ...grant.grant() });
        return u.mappingAdded;
      })();
    });
    return [scrollRegion(u.mappingsTable, table), ...(providers.length > 0 ? [form] : []), ...(mappings.length > 0 ? [changeMappingForm(mappings, providers)] : [])];
  }

  function changeMappingForm(mappings: readonly Mapping[], providers: ReadonlyArray<{ id: string; label: string }>): HTMLElement {
    const e = mappingEditStrings(ctx.lang);
    const describe = (m: Mapping) =>
      `${providers.find((p) => p.id === m.provider)?.label ?? m.provider}, ${u.kinds[m.kind] ?? m.kind} ${m.kind === 'subject' ? m.value.slice(0, 12) : m.value}: ${roleName(m.role)}, ${scopeOf(m)}`;
    const which = h('select', { id: 'mapping-change-id', class: 'text-input' }, ...mappings.map((m) => h('option', { value: String(m.mapping_id) }, describe(m))));
    const grant = grantFields('mapping-change');
    // The fields start at the chosen mapping's grant, so saving without a change changes nothing.
    const showChosen = () => grant.show(mappings.find((m) => String(m.mapping_id) === which.value) ?? mappings[0]!);
    which.addEventListener('change', showChosen);
    showChosen();
    const form = h('form', { class: 'users-form', 'aria-labelledby': 'mapping-change-heading' }, h('h3', { id: 'mapping-change-heading' }, e.heading),
      h('p', {}, e.intro),
      h('div', { class: 'field' }, h('label', { for: 'mapping-change-id' }, e.mapping), which), ...grant.elements,
      h('button', { type: 'submit', class: 'button', id: 'mapping-change-submit' }, e.save));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      act(async () => {
        await changeMapping(Number(which.value), grant.grant());
        return e.changed;
      })();
    });
    return form;
  }

  async function reload(): Promise<void> {
    const [users, mappings, providers] = await Promise.all([listUsers(), listMappings(), getProviders().catch(() => [])]);
    usersBox.replaceChildren(usersTable(users), addUserForm(), changeUserForm(users));
    mappingsBox.replaceChildren(...mappingsSection(mappings, providers));
  }

  const element = h('div', { class: 'view users-view' },
    h('h1', { tabindex: -1 }, u.heading),
    h('p', {}, u.intro),
    status,
    h('section', { 'aria-labelledby': 'users-heading' }, h('h2', { id: 'users-heading', class: 'visually-hidden' }, u.usersTable), usersBox),
    h('section', { 'aria-labelledby': 'mappings-heading' }, h('h2', { id: 'mappings-heading' }, u.mappingsHeading), h('p', {}, u.mappingsIntro), mappingsBox),
  );
  const ready = reload().catch((error: unknown) => (status.textContent = u.failed(problem(error))));
  return { element, ready };
}
