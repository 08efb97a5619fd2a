/**
 * Runs one of the command line's `user` requests on a connection, with its audit entry
 * (actor = the operating-system user, via `cli`). The same code whether the CLI opened the
 * database file itself or the running server received the request on its admin socket, so
 * the rules and the audit cannot drift apart between the two ways.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudit, type AuditEntry } from '../audit/auditLog.ts';
import type { UserAccount } from './userAccount.ts';
import type { UserAdminRequest } from './userAdminRequest.ts';
import { AccountError, addUser, disableUser, findAccount, listUsers, setPasswordHash } from './userStore.ts';

async function audit(conn: DuckDBConnection, actor: string, action: AuditEntry['action'], target: string, details?: AuditEntry['details']) {
  await appendAudit(conn, { at: new Date(), username: actor, role: null, via: 'cli', action, target, details });
}

/** add → the new account; list → every account; disable, set-password → the username. */
export async function runUserAdminRequest(conn: DuckDBConnection, request: UserAdminRequest): Promise<UserAccount | UserAccount[] | string> {
  switch (request.command) {
    case 'add': {
      const added = await addUser(conn, request.user, request.passwordHash, new Date());
      await audit(conn, request.actor, 'user_add', added.username, { role: added.role, municipality: added.municipality, school_id: added.school_id });
      return added;
    }
    case 'list':
      return listUsers(conn);
    case 'disable':
      if (!(await disableUser(conn, request.username))) throw new AccountError(`fant ingen bruker «${request.username}»`);
      await audit(conn, request.actor, 'user_disable', request.username);
      return request.username;
    case 'set-password':
      if (!(await findAccount(conn, request.username))) throw new AccountError(`fant ingen bruker «${request.username}»`);
      await setPasswordHash(conn, request.username, request.passwordHash);
      await audit(conn, request.actor, 'user_set_password', request.username);
      return request.username;
  }
}
