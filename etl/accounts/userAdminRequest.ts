/**
 * What the command line's `user` commands ask for, as data: run directly on the database
 * file when no server holds it, or sent to the running server over its admin socket
 * (server/adminSocket.ts), which runs the same request through its own connection. One zod
 * schema for both, so a request over the socket is validated exactly like one on the
 * command line. A password never crosses the socket: the CLI hashes it and sends the hash.
 */
import * as z from 'zod';
import { NewUser, Username } from './userAccount.ts';

/** A hash as etl/accounts/passwordHash.ts writes it (its own parser checks the cost on use). */
const PasswordHash = z.string().max(400).regex(/^\$scrypt\$n=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'ikke en passordhash');

/** The operating-system user who ran the command (etl/audit/cliActor.ts): the audit log's actor. */
const Actor = z.string().trim().min(1).max(64);

export const UserAdminRequest = z.discriminatedUnion('command', [
  z.object({ command: z.literal('add'), actor: Actor, user: NewUser, passwordHash: PasswordHash }).strict(),
  z.object({ command: z.literal('list'), actor: Actor }).strict(),
  z.object({ command: z.literal('disable'), actor: Actor, username: Username }).strict(),
  z.object({ command: z.literal('set-password'), actor: Actor, username: Username, passwordHash: PasswordHash }).strict(),
]);
export type UserAdminRequest = z.infer<typeof UserAdminRequest>;

/** The server's one-line answer: the command's result, or a message for the user (bokmål). */
export const UserAdminAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string().max(1000) }),
]);
export type UserAdminAnswer = z.infer<typeof UserAdminAnswer>;
