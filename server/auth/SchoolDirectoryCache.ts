/**
 * The school directory (every school's id, name, municipality and level), kept across
 * requests. Every figure request, the meta and the norms start from it to work out the
 * viewer's access, and reading 2,700 schools into JavaScript objects costs 10–17 ms at
 * national scale: on every request, that was a fifth of a municipality's whole answer.
 * Schools change only with the data, so the data version (as in the answer cache) is the
 * key, and an import empties it (AppContext.dataChanged).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadSchoolDirectory, type DirectorySchool } from './viewerAccess.ts';

export class SchoolDirectoryCache {
  private cached: { readonly version: string; readonly directory: Promise<readonly DirectorySchool[]> } | null = null;

  /** The directory of this data version, read on `conn` when not yet kept. */
  directory(conn: DuckDBConnection, version: string): Promise<readonly DirectorySchool[]> {
    if (this.cached?.version === version) return this.cached.directory;
    const directory = loadSchoolDirectory(conn);
    const entry = { version, directory };
    this.cached = entry;
    // A failed read is not kept: the next request reads again.
    directory.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return directory;
  }

  clear(): void {
    this.cached = null;
  }
}
