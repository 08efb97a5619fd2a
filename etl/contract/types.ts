/**
 * The data contract as data: every kind of file is described by a KindSpec, and
 * header detection, validation SQL, the DuckDB tables and the docs all derive from it.
 */

/** A closed vocabulary: canonical codes plus accepted aliases (already normalised). */
export interface Vocabulary {
  readonly name: string;
  readonly codes: readonly string[];
  readonly aliases: Readonly<Record<string, string>>;
}

export type ColumnType =
  | { readonly t: 'id' }
  | { readonly t: 'text' }
  | { readonly t: 'code' }
  | { readonly t: 'date' }
  | { readonly t: 'boolean' }
  | { readonly t: 'integer'; readonly min?: number; readonly max?: number }
  | { readonly t: 'vocab'; readonly vocab: Vocabulary; readonly default?: string }
  | { readonly t: 'list'; readonly vocab: Vocabulary }
  | { readonly t: 'pseudonym' };

export interface ColumnSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  readonly required: boolean;
}

/** A rule over one row's typed values, written as a DuckDB boolean expression that is true when broken. */
export interface RowRule {
  readonly column: string;
  readonly broken: string;
  readonly reason: string;
}

export interface ForeignKey {
  readonly column: string;
  readonly references: KindName;
}

export type KindName =
  | 'schools'
  | 'meetings'
  | 'cases'
  | 'discussions'
  | 'measures'
  | 'yearwheel'
  | 'competence_efforts'
  | 'competence_participation'
  | 'deviations';

export interface KindSpec {
  readonly kind: KindName;
  readonly columns: readonly ColumnSpec[];
  /** Columns that identify a row; importing a row with the same key updates it. */
  readonly key: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly rules: readonly RowRule[];
}

export function column(
  name: string,
  type: ColumnType,
  options: { required?: boolean; aliases?: readonly string[] } = {},
): ColumnSpec {
  return { name, type, required: options.required ?? false, aliases: options.aliases ?? [] };
}
