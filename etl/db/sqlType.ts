/** The DuckDB column type that stores a contract column's typed value. */
import type { ColumnType } from '../contract/types.ts';

export function sqlType(type: ColumnType): string {
  switch (type.t) {
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
    case 'integer':
      return 'INTEGER';
    case 'list':
      return 'VARCHAR[]';
    default:
      return 'VARCHAR';
  }
}
