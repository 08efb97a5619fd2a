/** The DuckDB column type that stores a contract column's typed value. */
import type { ColumnType } from '../contract/types.ts';
import { vocabularyEnum } from './vocabularyEnum.ts';

export function sqlType(type: ColumnType): string {
  switch (type.t) {
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
    case 'integer':
      return 'INTEGER';
    case 'vocab':
      return vocabularyEnum(type.vocab);
    case 'list':
      return `${vocabularyEnum(type.vocab)}[]`;
    default:
      return 'VARCHAR';
  }
}
