/**
 * What the command line prints on stderr for an error. A UserFacingError is the project's own
 * message about the administrator's arguments and stays readable; anything else (DuckDB,
 * the file system, a bug) may quote a row's value and is redacted, since stderr goes to a
 * cron log.
 */
import { redactMessage } from './redactMessage.ts';
import { UserFacingError } from './userFacingError.ts';

export function cliErrorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof Error) return `uventet feil (${error.name}): ${redactMessage(error.message)}`;
  return `uventet feil (${typeof error})`;
}
