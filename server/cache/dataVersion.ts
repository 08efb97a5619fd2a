/**
 * The data version in every cache key: a value that changes whenever the figure data does,
 * so an answer computed before an import is never served after it.
 *
 * For now it counts the imports this process has made: only the process that holds the
 * DuckDB file open for writing can change it (DuckDB allows one writer), so a server sees
 * every change through its own `POST /api/imports`, and a server on a read-only snapshot sees
 * none. It costs nothing per request; the data fingerprint (etl/figures/facts) would also see
 * writes by another process, but is a query on every request (12–30 ms on two busy cores).
 * When the figure facts carry a cheap version of their own (etl/figures/facts/dataVersion.ts,
 * `dataVersion(conn)`), hand it in as AppDeps.dataVersion:
 * `() => withConnection(instance, dataVersion)`; imports through the app still empty the cache.
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
