/** The user administration (`?view=users`): accounts and identity-provider mappings. */
import { clearCache, getJson, send } from './http.ts';
import type { Role } from './types.ts';

export interface AdminUser {
  readonly username: string;
  readonly role: Role;
  readonly municipality: string | null;
  readonly school_id: string | null;
  readonly school_name: string | null;
  readonly disabled: boolean;
}

export interface Mapping {
  readonly mapping_id: number;
  readonly provider: string;
  readonly kind: 'subject' | 'group' | 'organisation';
  readonly value: string;
  readonly role: Role;
  readonly municipality: string | null;
  readonly school_id: string | null;
}

export interface Grant {
  readonly role: Role;
  readonly municipality?: string | null;
  readonly school_id?: string | null;
}

// Every change empties the GET cache, so the lists are read anew.
const changed = <T>(p: Promise<T>) => p.finally(clearCache);

export async function listUsers(): Promise<AdminUser[]> {
  return (await getJson<{ users: AdminUser[] }>('/api/users')).users;
}

export async function addUser(username: string, grant: Grant): Promise<{ user: AdminUser; password: string }> {
  return (await changed(send<{ user: AdminUser; password: string }>('POST', '/api/users', { username, ...withoutEmpty(grant) })))!;
}

export async function changeUser(username: string, change: Partial<Grant> & { disabled?: boolean }): Promise<void> {
  await changed(send('PATCH', `/api/users/${encodeURIComponent(username)}`, change));
}

export async function newPassword(username: string): Promise<string> {
  return (await changed(send<{ password: string }>('POST', `/api/users/${encodeURIComponent(username)}/password`)))!.password;
}

export async function listMappings(): Promise<Mapping[]> {
  return (await getJson<{ mappings: Mapping[] }>('/api/idp-mappings')).mappings;
}

export async function addMapping(mapping: { provider: string; kind: string; value: string } & Grant): Promise<void> {
  await changed(send('POST', '/api/idp-mappings', withoutEmpty(mapping)));
}

/** A mapping's new role and scope (what it matches stays). */
export async function changeMapping(id: number, grant: Grant): Promise<void> {
  await changed(send('PATCH', `/api/idp-mappings/${id}`, withoutEmpty(grant)));
}

export async function removeMapping(id: number): Promise<void> {
  await changed(send('DELETE', `/api/idp-mappings/${id}`));
}

function withoutEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}
