/**
 * The data version in every cache key: a value that changes whenever the figure data does,
 * so an answer computed before an import is never served after it.
 *
 * For now it counts the imports this process has made: only the process that holds the
 * DuckDB file open for writing can change it (DuckDB allows one writer), so a server sees
 * every change through its own `POST /api/imports`, and a server on a read-only snapshot sees
 * none. When the figure facts carry their own version (etl/figures/facts/dataVersion.ts,
 * `dataVersion(conn)`), hand it in instead:
 * `() => withConnection(instance, dataVersion)` — then writes by any process count.
 */
export type DataVersion = () => Promise<string>;

export interface ImportCounter {
  readonly version: DataVersion;
  /** Called after every import through this process. */
  readonly imported: () => void;
}

export function importCounter(): ImportCounter {
  let imports = 0;
  return {
    version: async () => `imports:${imports}`,
    imported: () => {
      imports++;
    },
  };
}
