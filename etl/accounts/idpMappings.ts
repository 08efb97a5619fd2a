/**
 * The local mapping from what an identity provider says (who someone is, which groups and
 * organisation they belong to) to a role and scope here: the providers never say that
 * someone is a rector. A mapping matches one subject (stored pseudonymised: `subject_ref`,
 * never the provider's id itself), one group id or one organisation id of one provider.
 *
 * Resolution (`resolveMapping`): a subject mapping wins over group mappings, which win over
 * organisation mappings. When several mappings of the most specific kind match and they do
 * not agree on role and scope, nothing is granted (`conflict`): guessing the wider one would
 * give someone more than an administrator decided.
 */
import { INTEGER, LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import * as z from 'zod';
import { mappingKinds } from '../db/accountsSchema.ts';
import { Role } from './userAccount.ts';
import { TIMESTAMP, timestampOf } from './sqlTimestamp.ts';
import { AccountError, checkScope } from './userStore.ts';

export const MappingKind = z.enum(mappingKinds);
export type MappingKind = z.infer<typeof MappingKind>;

/** A role and scope, with the same rules as an account's (userAccount.ts). */
export const MappingGrant = z
  .object({
    role: Role,
    municipality: z.string().trim().min(1).max(200).optional(),
    school_id: z.string().trim().min(1).max(64).optional(),
  })
  .superRefine((g, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (g.role === 'admin' && (g.municipality || g.school_id)) problem('role', 'en administrator har ingen kommune eller skole');
    if ((g.role === 'municipality' || g.role === 'ppt') && (!g.municipality || g.school_id)) problem('municipality', `rollen ${g.role} trenger én kommune og ingen skole`);
    if (g.role === 'rector' && !g.school_id) problem('school_id', 'rollen rector trenger en skole');
  });

export interface NewMapping {
  readonly provider: string;
  readonly kind: MappingKind;
  /**
   * subject: the subject_ref (pseudonymised), or its first 12 hex digits as the "ingen tilgang
   * ennå" page shows them (48 bits: enough to tell a municipality's users apart, and a
   * provider's subjects are not chosen by the user); group and organisation: the provider's id.
   */
  readonly value: string;
  readonly role: Role;
  readonly municipality?: string;
  readonly school_id?: string;
}

export interface IdpMapping {
  readonly mapping_id: number;
  readonly provider: string;
  readonly kind: MappingKind;
  readonly value: string;
  readonly role: Role;
  /** The mapping's municipality, or its school's for a rector. */
  readonly municipality: string | null;
  readonly school_id: string | null;
  readonly created_at: string;
}

const columns = `m.mapping_id, m.provider, m.kind, m.value, m.role, coalesce(m.municipality, sch.municipality) AS municipality,
  m.school_id, strftime(m.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at`;
const from = `idp_mappings m LEFT JOIN schools sch ON sch.school_id = m.school_id`;

function mappingOf(row: Record<string, unknown>): IdpMapping {
  return {
    mapping_id: Number(row.mapping_id),
    provider: String(row.provider),
    kind: row.kind as MappingKind,
    value: String(row.value),
    role: row.role as Role,
    municipality: (row.municipality as string | null) ?? null,
    school_id: (row.school_id as string | null) ?? null,
    created_at: String(row.created_at),
  };
}

export async function addMapping(conn: DuckDBConnection, mapping: NewMapping, now: Date): Promise<IdpMapping> {
  await checkScope(conn, mapping);
  const taken = await conn.runAndReadAll(`SELECT 1 FROM idp_mappings WHERE provider = $p AND kind = $k AND value = $v`, {
    p: mapping.provider,
    k: mapping.kind,
    v: mapping.value,
  });
  if (taken.getRows().length > 0) throw new AccountError('denne koblingen finnes allerede');
  const reader = await conn.runAndReadAll(
    `INSERT INTO idp_mappings (provider, kind, value, role, municipality, school_id, created_at)
     VALUES ($provider, $kind, $value, $role, $municipality, $school, $now) RETURNING mapping_id`,
    {
      provider: mapping.provider,
      kind: mapping.kind,
      value: mapping.value,
      role: mapping.role,
      municipality: mapping.role === 'rector' ? null : (mapping.municipality ?? null),
      school: mapping.school_id ?? null,
      now: timestampOf(now),
    },
    { provider: VARCHAR, kind: VARCHAR, value: VARCHAR, role: VARCHAR, municipality: VARCHAR, school: VARCHAR, now: TIMESTAMP },
  );
  const id = Number(reader.getRows()[0]![0]);
  return (await findMapping(conn, id))!;
}

export async function findMapping(conn: DuckDBConnection, mappingId: number): Promise<IdpMapping | null> {
  const reader = await conn.runAndReadAll(`SELECT ${columns} FROM ${from} WHERE m.mapping_id = $id`, { id: mappingId }, { id: INTEGER });
  const row = reader.getRowObjectsJS()[0] as Record<string, unknown> | undefined;
  return row ? mappingOf(row) : null;
}

/** Every mapping, or those whose scope lies in one municipality. */
export async function listMappings(conn: DuckDBConnection, municipality?: string): Promise<IdpMapping[]> {
  const reader = await conn.runAndReadAll(
    `SELECT ${columns} FROM ${from} WHERE $m IS NULL OR coalesce(m.municipality, sch.municipality) = $m ORDER BY m.provider, m.kind, m.value`,
    { m: municipality ?? null },
    { m: VARCHAR },
  );
  return (reader.getRowObjectsJS() as Array<Record<string, unknown>>).map(mappingOf);
}

/**
 * Removes a mapping and ends the sessions of everyone who signed in through it: their role
 * came from it, and they get whatever mapping applies at their next sign-in.
 */
export async function removeMapping(conn: DuckDBConnection, mappingId: number): Promise<boolean> {
  if (!(await findMapping(conn, mappingId))) return false;
  await conn.run(`DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM oidc_identities WHERE mapping_id = $id)`, { id: mappingId }, { id: INTEGER });
  await conn.run(`UPDATE oidc_identities SET mapping_id = NULL WHERE mapping_id = $id`, { id: mappingId }, { id: INTEGER });
  await conn.run(`DELETE FROM idp_mappings WHERE mapping_id = $id`, { id: mappingId }, { id: INTEGER });
  return true;
}

/**
 * Gives a mapping another role and scope. Those who signed in through it get the new grant
 * at once (their accounts copy it) and their sessions end: a narrowed grant must not live on
 * in an open session, and at the next sign-in the mappings are resolved anew.
 */
export async function changeMapping(conn: DuckDBConnection, mappingId: number, grant: Pick<NewMapping, 'role' | 'municipality' | 'school_id'>): Promise<IdpMapping | null> {
  if (!(await findMapping(conn, mappingId))) return null;
  await checkScope(conn, grant);
  const values = {
    id: mappingId,
    role: grant.role,
    municipality: grant.role === 'municipality' || grant.role === 'ppt' ? (grant.municipality ?? null) : null,
    school: grant.role === 'rector' ? (grant.school_id ?? null) : null,
  };
  const types = { id: INTEGER, role: VARCHAR, municipality: VARCHAR, school: VARCHAR };
  await conn.run(`UPDATE idp_mappings SET role = $role, municipality = $municipality, school_id = $school WHERE mapping_id = $id`, values, types);
  await conn.run(
    `UPDATE users SET role = $role, municipality = $municipality, school_id = $school
     WHERE user_id IN (SELECT user_id FROM oidc_identities WHERE mapping_id = $id)`,
    values,
    types,
  );
  await conn.run(`DELETE FROM sessions WHERE user_id IN (SELECT user_id FROM oidc_identities WHERE mapping_id = $id)`, { id: mappingId }, { id: INTEGER });
  return findMapping(conn, mappingId);
}

export interface IdentityFacts {
  readonly provider: string;
  readonly subjectRef: string;
  readonly groups: readonly string[];
  readonly organisations: readonly string[];
}

export type Resolution = { readonly kind: 'mapped'; readonly mapping: IdpMapping } | { readonly kind: 'unmapped' } | { readonly kind: 'conflict' };

const specificity: readonly MappingKind[] = ['subject', 'group', 'organisation'];

export async function resolveMapping(conn: DuckDBConnection, facts: IdentityFacts): Promise<Resolution> {
  const reader = await conn.runAndReadAll(
    `SELECT ${columns} FROM ${from}
     WHERE m.provider = $provider AND ((m.kind = 'subject' AND (m.value = $subject OR m.value = left($subject, 12)))
        OR (m.kind = 'group' AND list_contains($groups, m.value))
        OR (m.kind = 'organisation' AND list_contains($orgs, m.value)))
     ORDER BY m.mapping_id`,
    { provider: facts.provider, subject: facts.subjectRef, groups: listValue([...facts.groups]), orgs: listValue([...facts.organisations]) },
    { provider: VARCHAR, subject: VARCHAR, groups: LIST(VARCHAR), orgs: LIST(VARCHAR) },
  );
  const matches = (reader.getRowObjectsJS() as Array<Record<string, unknown>>).map(mappingOf);
  for (const kind of specificity) {
    const found = matches.filter((m) => m.kind === kind);
    if (found.length === 0) continue;
    const grants = new Set(found.map((m) => `${m.role}|${m.municipality ?? ''}|${m.school_id ?? ''}`));
    return grants.size === 1 ? { kind: 'mapped', mapping: found[0]! } : { kind: 'conflict' };
  }
  return { kind: 'unmapped' };
}
