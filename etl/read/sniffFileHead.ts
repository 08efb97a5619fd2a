/**
 * What a file is, read from its first bytes by the server's own rules: the encoding
 * (decodeBytes), the delimiter and header (sniffHeader), the kind and the mapping of its
 * columns (detectKind, with the contract's Norwegian and Swedish aliases). The import page
 * shows this for each dropped file before anything is sent; the server decides again on
 * the whole file (etl/load/prepareFile.ts), with the same modules.
 */
import type { KindName } from '../contract/types.ts';
import { decodeBytes, type Encoding } from './decodeBytes.ts';
import { detectKind } from './detectKind.ts';
import { sniffHeader, type Delimiter } from './sniffHeader.ts';

export interface SniffedFile {
  readonly kind: KindName;
  readonly encoding: Encoding;
  readonly delimiter: Delimiter;
  /** The header row's names as written. */
  readonly headerNames: readonly string[];
  /** Header names that are no contract column: dropped on import. */
  readonly ignoredColumns: readonly string[];
}

export type FileSniff = ({ ok: true } & SniffedFile) | { ok: false; reason: string };

/** The bytes a head is read from (the server reads 64 kB too). */
export const headBytes = 65536;

export function sniffFileHead(head: Uint8Array, kind?: KindName): FileSniff {
  const decoded = decodeBytes(head, true);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, reason: 'filen er tom (mangler overskriftsrad)' };
  const header = sniffHeader(decoded.text);
  if (!header) return { ok: false, reason: 'fant ikke skilletegn (komma, semikolon eller tabulator) i overskriftsraden' };
  const detection = detectKind(header.names, kind);
  if (!detection.ok) return detection;
  return {
    ok: true,
    kind: detection.mapping.spec.kind,
    encoding: decoded.encoding,
    delimiter: header.delimiter,
    headerNames: header.names,
    ignoredColumns: detection.mapping.ignoredColumns,
  };
}
