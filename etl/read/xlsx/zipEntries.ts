/**
 * The entries of a zip file (an .xlsx is one), read from its central directory, and each
 * entry's bytes inflated as a stream with a hard cap on what comes out. fflate inflates;
 * the directory is read here so that nothing is inflated that we did not ask for, and so
 * that the cap counts real output, not the sizes a hostile file declares.
 */
import { Inflate } from 'fflate';
import { XlsxError } from './xlsxError.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const notZip = 'filen er ikke en gyldig .xlsx-fil (ikke en zip-fil); lagre den på nytt fra Excel som «Excel-arbeidsbok (.xlsx)»';

function endOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= earliest; at--) if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  throw new XlsxError(notZip);
}

export function zipEntries(bytes: Buffer, maxEntries: number): Map<string, ZipEntry> {
  if (bytes.length < 22) throw new XlsxError(notZip);
  const end = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new XlsxError('filen bruker zip64, som ikke leses; lagre den på nytt fra Excel');
  if (count > maxEntries) throw new XlsxError(`filen har ${count} deler i zip-arkivet; høyst ${maxEntries} leses. Det er ikke en vanlig Excel-arbeidsbok`);
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new XlsxError(notZip);
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw new XlsxError('filen er kryptert eller passordbeskyttet; fjern passordet i Excel og lagre på nytt');
    entries.set(name.replace(/^\//, ''), {
      name,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Counts inflated bytes over every entry read from one file; throws once the cap is passed. */
export class InflateBudget {
  private used = 0;
  constructor(private readonly cap: number) {}
  /** For a part read again (a sheet's second pass): its size was counted, and refused if too large, the first time. */
  static readonly unlimited = new InflateBudget(Infinity);
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.cap) {
      const mb = Math.round(this.cap / (1024 * 1024));
      throw new XlsxError(`filen pakkes ut til mer enn ${mb} MB (en «zip-bombe» eller et altfor stort regneark) og leses ikke inn; del den opp eller lagre arkene som CSV`);
    }
  }
}

/** Small pushes keep each inflated piece small too (deflate expands at most about 1,032 to 1). */
const pushSize = 4096;

/** Inflated bytes between two turns of the event loop: a server reading a large workbook keeps answering. */
const yieldEvery = 256 << 10;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Streams an entry's inflated bytes to `onChunk`; the budget refuses a bomb while it inflates. */
export async function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new XlsxError(notZip);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + entry.compressedSize > bytes.length) throw new XlsxError('filen er avkuttet (zip-arkivet er ufullstendig); last den opp på nytt');
  const data = bytes.subarray(start, start + entry.compressedSize);
  let sinceTurn = 0;
  const emit = (chunk: Uint8Array) => {
    budget.take(chunk.length);
    sinceTurn += chunk.length;
    onChunk(chunk);
  };
  const maybeYield = async () => {
    if (sinceTurn < yieldEvery) return;
    sinceTurn = 0;
    await nextTurn();
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 1 << 16) {
      emit(data.subarray(at, at + (1 << 16)));
      await maybeYield();
    }
    return;
  }
  if (entry.method !== 8) throw new XlsxError('filen bruker en komprimering som ikke leses; lagre den på nytt fra Excel');
  const inflate = new Inflate((chunk) => emit(chunk));
  try {
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    for (let at = 0; at < data.length; at += pushSize) {
      inflate.push(data.subarray(at, at + pushSize), at + pushSize >= data.length);
      await maybeYield();
    }
  } catch (error) {
    // fflate's own errors carry a numeric code; anything else (a limit, the XML) passes as it is.
    if (typeof (error as { code?: unknown }).code !== 'number') throw error;
    throw new XlsxError('filen er skadet (en del av zip-arkivet kan ikke pakkes ut); lagre den på nytt fra Excel');
  }
}
