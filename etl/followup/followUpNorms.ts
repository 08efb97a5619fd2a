/**
 * The norms that apply to a follow-up scope, and whether it meets them: a scope within one
 * municipality is held to that municipality's norms (its schools together: TGL per school);
 * a scope across municipalities has no one norm (null).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { normChecks, type CheckedPeriod, type NormChecks, type NormInputs } from './normChecks.ts';
import { readNorms, type MunicipalityNorms } from './norms.ts';

export interface FollowUpNorms extends MunicipalityNorms {
  readonly checks: NormChecks;
}

export async function followUpNorms(
  conn: DuckDBConnection,
  scopeSchools: readonly { readonly municipality: string }[],
  figures: NormInputs,
  period: CheckedPeriod,
): Promise<FollowUpNorms | null> {
  const municipalities = [...new Set(scopeSchools.map((s) => s.municipality))];
  if (municipalities.length !== 1) return null;
  const [norms] = await readNorms(conn, municipalities);
  return { ...norms!, checks: normChecks(figures, norms!, scopeSchools.length, period) };
}
