/** A JS Date as a bound DuckDB TIMESTAMP (UTC), for the accounts, sessions and audit tables. */
import { TIMESTAMP, timestampValue, type DuckDBTimestampValue } from '@duckdb/node-api';

export function timestampOf(date: Date): DuckDBTimestampValue {
  return timestampValue(BigInt(date.getTime()) * 1000n);
}

export { TIMESTAMP };
