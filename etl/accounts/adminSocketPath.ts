/**
 * Where the running server listens for the command line's `user` commands: a Unix socket
 * beside the database file (in the data folder, so it is reached by the same path from the
 * CLI and the server, and one per database). Unix socket paths are limited to about 100
 * bytes; a longer one is not used (null), and the CLI then needs the server stopped, as before.
 */
import { resolve } from 'node:path';

const maxSocketPathBytes = 100;

export function adminSocketPathFor(databasePath: string): string | null {
  const path = `${resolve(databasePath)}.admin.sock`;
  return Buffer.byteLength(path) <= maxSocketPathBytes ? path : null;
}
