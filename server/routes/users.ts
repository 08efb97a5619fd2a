/**
 * User administration in the browser (`?view=users`; who may do what: auth/userAdminScope.ts).
 *   GET    /api/users                          the accounts (an admin's: all; a municipality user's: their municipality's)
 *   POST   /api/users {username, role, municipality?, school_id?}   a new local account; answers its password once
 *   PATCH  /api/users/:username {role?, municipality?, school_id?, disabled?}   takes effect at once
 *   POST   /api/users/:username/password       a new generated password, answered once; ends the user's sessions
 *   GET    /api/idp-mappings                   the identity-provider mappings in the viewer's reach
 *   POST   /api/idp-mappings {provider, kind, value, role, municipality?, school_id?}
 *   PATCH  /api/idp-mappings/:id {role, municipality?, school_id?}   another grant; ends the sessions of those who signed in through it
 *   DELETE /api/idp-mappings/:id               ends the sessions of those who signed in through it
 * Every change is audited (user_add, user_change, user_disable, user_set_password, mapping_add,
 * mapping_change, mapping_remove); every refusal for scope is a 403 audited as access_denied.
 * A server on a read-only snapshot (RT_SNAPSHOT) answers every change with 503 `read_only`
 * (after the checks of who may), as PUT /api/norms does: its accounts are the snapshot's.
 */
import { Router, type Request } from 'express';
import * as z from 'zod';
import { addMapping, changeMapping, findMapping, listMappings, MappingGrant, MappingKind, removeMapping } from '../../etl/accounts/idpMappings.ts';
import { generatePassword, hashPassword } from '../../etl/accounts/passwordHash.ts';
import { NewUser, Username } from '../../etl/accounts/userAccount.ts';
import { changeGrant, isProviderAccount, setDisabled } from '../../etl/accounts/userChanges.ts';
import { addUser, findAccount, listUsers, setPasswordHash } from '../../etl/accounts/userStore.ts';
import type { AppContext } from '../appContext.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { subjectRef } from '../auth/oidc/subjectRef.ts';
import { adminMunicipality, requireGrantable, requireManageable, requireUserAdmin } from '../auth/userAdminScope.ts';
import { viewerOf, type Viewer } from '../auth/viewer.ts';
import { tableWritable } from '../../etl/db/tableWritable.ts';
import { HttpError } from '../http/HttpError.ts';
import { withConnection } from '../withConnection.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

const UserChange = z
  .object({
    role: z.enum(['admin', 'municipality', 'rector', 'ppt']).optional(),
    municipality: z.string().trim().min(1).max(200).nullable().optional(),
    school_id: z.string().trim().min(1).max(64).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

const NewMappingBody = z
  .object({
    provider: z.string().max(20),
    kind: MappingKind,
    value: z.string().trim().min(1).max(256),
    role: z.enum(['admin', 'municipality', 'rector', 'ppt']),
    municipality: z.string().trim().min(1).max(200).optional(),
    school_id: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

/** A mapping's new role and scope: what it matches (provider, kind, value) stays; to match another, add one. */
const MappingChangeBody = z
  .object({
    role: z.enum(['admin', 'municipality', 'rector', 'ppt']),
    municipality: z.string().trim().min(1).max(200).optional(),
    school_id: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

function mappingIdParam(req: Request): number {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, 'unknown_mapping');
  return id;
}

function invalid(issues: z.core.$ZodIssue[]): HttpError {
  return new HttpError(400, 'invalid_parameters', issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })));
}

/** Runs a check; a 403/404 from it is audited as access_denied before it is answered. */
async function guarded(deps: AppContext, req: Request, viewer: Viewer, conn: DuckDBConnection, target: string, check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) {
      await auditRequest(deps, req, viewer, { action: 'access_denied', target, details: { endpoint: 'users', method: req.method, status: 403 } }, conn);
    }
    throw error;
  }
}

/** 503 `read_only` on a read-only snapshot, where the table is a view onto it: a reason, not DuckDB's 500. */
async function requireWritable(conn: DuckDBConnection, table: 'users' | 'idp_mappings'): Promise<void> {
  if (!(await tableWritable(conn, table))) throw new HttpError(503, 'read_only', { reason: 'snapshot' });
}

function usernameParam(req: Request): string {
  const parsed = Username.safeParse(req.params.username);
  if (!parsed.success) throw new HttpError(404, 'unknown_user');
  return parsed.data;
}

export function userRoutes(deps: AppContext): Router {
  const router = Router();

  router.get('/api/users', async (req, res) => {
    const viewer = viewerOf(res);
    await withConnection(deps.instance, (conn) => guarded(deps, req, viewer, conn, 'users', () => requireUserAdmin(viewer)));
    const within = adminMunicipality(viewer);
    const users = await withConnection(deps.instance, listUsers);
    res.json({ users: within === undefined ? users : users.filter((u) => u.municipality === within && u.role !== 'admin') });
  });

  router.post('/api/users', async (req, res) => {
    const viewer = viewerOf(res);
    const body = NewUser.safeParse(req.body);
    if (!body.success) throw invalid(body.error.issues);
    const password = generatePassword();
    const hash = await hashPassword(password);
    const user = await withConnection(deps.instance, async (conn) => {
      await guarded(deps, req, viewer, conn, `user:${body.data.username}`, async () => {
        requireUserAdmin(viewer);
        await requireGrantable(conn, viewer, body.data);
      });
      await requireWritable(conn, 'users');
      const added = await addUser(conn, body.data, hash, deps.settings.now());
      await auditRequest(deps, req, viewer, { action: 'user_add', target: added.username, details: { role: added.role, municipality: added.municipality, school_id: added.school_id } }, conn);
      return added;
    });
    res.status(201).json({ user, password });
  });

  router.patch('/api/users/:username', async (req, res) => {
    const viewer = viewerOf(res);
    const username = usernameParam(req);
    const body = UserChange.safeParse(req.body);
    if (!body.success) throw invalid(body.error.issues);
    const user = await withConnection(deps.instance, async (conn) => {
      const account = await findAccount(conn, username);
      await guarded(deps, req, viewer, conn, username, async () => {
        requireUserAdmin(viewer);
        if (!account) throw new HttpError(404, 'unknown_user');
        requireManageable(viewer, account.role, account.municipality);
      });
      if (account!.user_id === viewer.userId) throw new HttpError(409, 'cannot_change_self');
      await requireWritable(conn, 'users');
      const change = body.data;
      if (change.role !== undefined || change.municipality !== undefined || change.school_id !== undefined) {
        const grant = MappingGrant.safeParse({
          role: change.role ?? account!.role,
          municipality: change.municipality === undefined ? (account!.role === 'rector' ? undefined : (account!.municipality ?? undefined)) : (change.municipality ?? undefined),
          school_id: change.school_id === undefined ? (account!.school_id ?? undefined) : (change.school_id ?? undefined),
        });
        if (!grant.success) throw invalid(grant.error.issues);
        await guarded(deps, req, viewer, conn, username, () => requireGrantable(conn, viewer, grant.data));
        await changeGrant(conn, username, grant.data);
        await auditRequest(deps, req, viewer, { action: 'user_change', target: username, details: { role: grant.data.role, municipality: grant.data.municipality, school_id: grant.data.school_id } }, conn);
      }
      if (change.disabled !== undefined) {
        await setDisabled(conn, username, change.disabled);
        await auditRequest(deps, req, viewer, { action: change.disabled ? 'user_disable' : 'user_change', target: username, details: { disabled: change.disabled } }, conn);
      }
      return findAccount(conn, username);
    });
    res.json({ user });
  });

  router.post('/api/users/:username/password', async (req, res) => {
    const viewer = viewerOf(res);
    const username = usernameParam(req);
    const password = generatePassword();
    const hash = await hashPassword(password);
    await withConnection(deps.instance, async (conn) => {
      const account = await findAccount(conn, username);
      await guarded(deps, req, viewer, conn, username, async () => {
        requireUserAdmin(viewer);
        if (!account) throw new HttpError(404, 'unknown_user');
        requireManageable(viewer, account.role, account.municipality);
      });
      if (await isProviderAccount(conn, username)) throw new HttpError(409, 'identity_provider_account');
      await requireWritable(conn, 'users');
      await setPasswordHash(conn, username, hash);
      await auditRequest(deps, req, viewer, { action: 'user_set_password', target: username }, conn);
    });
    res.json({ username, password });
  });

  router.get('/api/idp-mappings', async (req, res) => {
    const viewer = viewerOf(res);
    await withConnection(deps.instance, (conn) => guarded(deps, req, viewer, conn, 'idp-mappings', () => requireUserAdmin(viewer)));
    const within = adminMunicipality(viewer);
    const mappings = await withConnection(deps.instance, (conn) => listMappings(conn, within));
    res.json({ mappings: mappings.filter((m) => within === undefined || m.role !== 'admin') });
  });

  router.post('/api/idp-mappings', async (req, res) => {
    const viewer = viewerOf(res);
    const body = NewMappingBody.safeParse(req.body);
    if (!body.success) throw invalid(body.error.issues);
    const grant = MappingGrant.safeParse(body.data);
    if (!grant.success) throw invalid(grant.error.issues);
    const provider = deps.settings.oidcProviders.find((p) => p.id === body.data.provider);
    if (!provider) throw new HttpError(404, 'unknown_provider');
    let value = body.data.value;
    if (body.data.kind === 'subject' && !/^[0-9a-f]{12}$/.test(value)) {
      // A subject as the provider gives it is stored pseudonymised, like at sign-in.
      if (!deps.pseudonymKey) throw new HttpError(503, 'no_pseudonym_key');
      value = subjectRef(deps.pseudonymKey, provider.issuer, value);
    }
    const mapping = await withConnection(deps.instance, async (conn) => {
      await guarded(deps, req, viewer, conn, `provider:${provider.id}`, async () => {
        requireUserAdmin(viewer);
        await requireGrantable(conn, viewer, grant.data);
      });
      await requireWritable(conn, 'idp_mappings');
      const added = await addMapping(conn, { provider: provider.id, kind: body.data.kind, value, ...grant.data }, deps.settings.now());
      await auditRequest(deps, req, viewer, {
        action: 'mapping_add',
        target: `mapping:${added.mapping_id}`,
        details: { provider: added.provider, kind: added.kind, value: added.kind === 'subject' ? added.value.slice(0, 12) : added.value, role: added.role, municipality: added.municipality, school_id: added.school_id },
      }, conn);
      return added;
    });
    res.status(201).json({ mapping });
  });

  router.patch('/api/idp-mappings/:id', async (req, res) => {
    const viewer = viewerOf(res);
    const id = mappingIdParam(req);
    const body = MappingChangeBody.safeParse(req.body);
    if (!body.success) throw invalid(body.error.issues);
    const grant = MappingGrant.safeParse(body.data);
    if (!grant.success) throw invalid(grant.error.issues);
    const mapping = await withConnection(deps.instance, async (conn) => {
      const before = await findMapping(conn, id);
      await guarded(deps, req, viewer, conn, `mapping:${id}`, async () => {
        requireUserAdmin(viewer);
        if (!before) throw new HttpError(404, 'unknown_mapping');
        // Both what it grants now and what it is to grant must be within the viewer's reach.
        requireManageable(viewer, before.role, before.municipality);
        await requireGrantable(conn, viewer, grant.data);
      });
      await requireWritable(conn, 'idp_mappings');
      const changed = (await changeMapping(conn, id, grant.data))!;
      await auditRequest(deps, req, viewer, {
        action: 'mapping_change',
        target: `mapping:${id}`,
        details: { provider: changed.provider, kind: changed.kind, role: changed.role, municipality: changed.municipality, school_id: changed.school_id, was_role: before!.role, was_municipality: before!.municipality, was_school_id: before!.school_id },
      }, conn);
      return changed;
    });
    res.json({ mapping });
  });

  router.delete('/api/idp-mappings/:id', async (req, res) => {
    const viewer = viewerOf(res);
    const id = mappingIdParam(req);
    await withConnection(deps.instance, async (conn) => {
      const mapping = await findMapping(conn, id);
      await guarded(deps, req, viewer, conn, `mapping:${id}`, () => {
        requireUserAdmin(viewer);
        if (!mapping) throw new HttpError(404, 'unknown_mapping');
        requireManageable(viewer, mapping.role, mapping.municipality);
      });
      await requireWritable(conn, 'idp_mappings');
      await removeMapping(conn, id);
      await auditRequest(deps, req, viewer, { action: 'mapping_remove', target: `mapping:${id}`, details: { provider: mapping!.provider, kind: mapping!.kind, role: mapping!.role } }, conn);
    });
    res.status(204).end();
  });

  return router;
}
