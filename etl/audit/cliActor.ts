/** The actor the audit log names for a command-line change: the operating-system user. */
import { userInfo } from 'node:os';

export function cliActor(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the change is still logged.
    return 'ukjent';
  }
}
