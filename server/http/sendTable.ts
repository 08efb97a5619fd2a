/**
 * Answers a tabular result as JSON rows or, when asked (`Accept:
 * application/vnd.apache.arrow.stream` or `?format=arrow`), as an Arrow IPC stream whose
 * columns are built with explicit types: inference is slow and poor for string columns.
 */
import type { Request, Response } from 'express';
import { Float64, Int32, Table, Utf8, Bool, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';

export type ColumnKind = 'utf8' | 'float64' | 'int32' | 'bool';

export type TableSchema = Readonly<Record<string, ColumnKind>>;

export const arrowMediaType = 'application/vnd.apache.arrow.stream';

function arrowType(kind: ColumnKind): DataType {
  switch (kind) {
    case 'utf8':
      return new Utf8();
    case 'float64':
      return new Float64();
    case 'int32':
      return new Int32();
    case 'bool':
      return new Bool();
  }
}

/** A list (such as `suppressed`) becomes comma-joined text, an empty one null; an object JSON text. */
function arrowValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.join(',') : null;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
}

export function toArrowTable(rows: readonly Record<string, unknown>[], schema: TableSchema): Table {
  const columns = Object.fromEntries(
    Object.entries(schema).map(([name, kind]) => [name, vectorFromArray(rows.map((r) => arrowValue(r[name])), arrowType(kind))]),
  );
  return new Table(columns);
}

export function wantsArrow(req: Request): boolean {
  return req.query.format === 'arrow' || (req.get('accept') ?? '').includes(arrowMediaType);
}

export function sendTable(req: Request, res: Response, rows: readonly Record<string, unknown>[], schema: TableSchema): void {
  res.vary('Accept');
  if (wantsArrow(req)) {
    const bytes = tableToIPC(toArrowTable(rows, schema), 'stream');
    res.type(arrowMediaType).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return;
  }
  res.json(rows);
}
