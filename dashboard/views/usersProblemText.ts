/** Why a change on the users page was not saved, in the page's language. */
import { ApiError } from '../api/http.ts';
import type { UsersStrings } from '../i18n/usersStrings.ts';

export function usersProblemText(u: UsersStrings, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  // A server on a read-only snapshot (503 read_only): say where changes are made, not the code.
  if (error.code === 'read_only') return u.readOnly;
  return error.problems[0]?.message ?? error.code;
}
