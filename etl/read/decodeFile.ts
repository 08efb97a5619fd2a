/**
 * Decides a file's encoding (UTF-8 with or without BOM, else Windows-1252) and returns a
 * path DuckDB can read as UTF-8 with one style of line endings: the file itself when it
 * already is (the common, large case: no copy), else a transcoded or normalised temporary copy.
 */
import { closeSync, openSync, readSync, writeFileSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { notTextReason, type Encoding } from './decodeBytes.ts';
import { LineEndingScan, lineEndingsOf, normaliseLineEndings, type LineEndings } from './lineEndings.ts';

export type { Encoding };

export interface DecodedFile {
  readonly encoding: Encoding;
  /** A UTF-8 file without BOM holding the same text. */
  readonly utf8Path: string;
  /** The first part of the text, enough to read the header and sniff the delimiter. */
  readonly head: string;
  /** As found in the file; `mixed` is normalised to LF in the copy DuckDB reads. */
  readonly lineEndings: LineEndings;
}

// 4 MiB: one chunk's check holds the event loop for a few milliseconds, not the seconds a
// national file takes (the server answers other requests between chunks during an import).
const chunkSize = 4 << 20;

/**
 * True when the whole file is valid UTF-8; reads in chunks so large files stay out of memory.
 * `onChunk` sees every byte read, in file order, until the answer is known. Asynchronous: the
 * reads go to the thread pool, and other work runs between the chunks.
 */
export async function fileIsUtf8(path: string, onChunk?: (bytes: Buffer) => void): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkSize + 4);
    let carry = 0;
    let position = 0;
    for (;;) {
      const { bytesRead: read } = await file.read(buffer, carry, chunkSize, position);
      onChunk?.(buffer.subarray(carry, carry + read));
      position += read;
      const length = carry + read;
      if (read === 0) return carry === 0 || isUtf8(buffer.subarray(0, length));
      // Do not split a multi-byte character between chunks: hold back an incomplete tail.
      let end = length;
      for (let back = 1; back <= 3 && back <= length; back++) {
        const byte = buffer[length - back]!;
        if ((byte & 0xc0) === 0xc0) {
          const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
          if (need > back) end = length - back;
          break;
        }
        if ((byte & 0x80) === 0) break;
      }
      if (!isUtf8(buffer.subarray(0, end))) return false;
      carry = length - end;
      buffer.copy(buffer, 0, end, length);
    }
  } finally {
    await file.close();
  }
}

function readHead(path: string, bytes = 65536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A file that cannot be text in any encoding the importer reads; the message says what to do. */
export class NotTextError extends Error {}

export const oddUtf16Reason =
  'filen er lagret som UTF-16 («Unicode-tekst»), men har et odde antall byte: den er avkuttet eller skadet. Lagre den på nytt fra Excel som «CSV UTF-8» og prøv igjen';

/** UTF-16 with its byte-order mark (Excel's «Unicode-tekst»), as a string; null for other files. */
function utf16Text(path: string, head: Buffer): string | null {
  const little = head[0] === 0xff && head[1] === 0xfe;
  const big = head[0] === 0xfe && head[1] === 0xff;
  if (!little && !big) return null;
  const bytes = readFileSync(path).subarray(2);
  // Every UTF-16 character is two bytes (or four): an odd count means the file was cut off
  // or damaged. Node's own message for it was English ("Buffer size must be a multiple of 16-bits").
  if (bytes.length % 2 === 1) throw new NotTextError(oddUtf16Reason);
  if (big) bytes.swap16();
  return bytes.toString('utf16le');
}

export async function decodeFile(path: string, tempDir: string, tempName: string): Promise<DecodedFile> {
  const headBytes = readHead(path);
  const hasBom = headBytes[0] === 0xef && headBytes[1] === 0xbb && headBytes[2] === 0xbf;
  const scan = new LineEndingScan();
  const copy = (text: string | Buffer): string => {
    const utf8Path = join(tempDir, tempName);
    writeFileSync(utf8Path, text);
    return utf8Path;
  };
  const utf16 = utf16Text(path, headBytes);
  if (utf16 !== null) {
    const lineEndings = lineEndingsOf(Buffer.from(utf16));
    const text = lineEndings === 'mixed' ? normaliseLineEndings(utf16) : utf16;
    return { encoding: 'utf-16', utf8Path: copy(text), head: text.slice(0, 65536), lineEndings };
  }
  // No CSV export has NUL bytes: this is a spreadsheet, a zip, or UTF-16 without its mark.
  if (headBytes.includes(0)) {
    throw new NotTextError(notTextReason);
  }
  if (await fileIsUtf8(path, (bytes) => scan.add(bytes))) {
    const lineEndings = scan.result();
    const head = headBytes.subarray(hasBom ? 3 : 0).toString('utf8');
    if (lineEndings === 'mixed') {
      const text = normaliseLineEndings(readFileSync(path, 'utf8').slice(hasBom ? 1 : 0));
      return { encoding: hasBom ? 'utf-8-bom' : 'utf-8', utf8Path: copy(text), head: normaliseLineEndings(head), lineEndings };
    }
    if (!hasBom) return { encoding: 'utf-8', utf8Path: path, head, lineEndings };
    return { encoding: 'utf-8-bom', utf8Path: copy(readFileSync(path).subarray(3)), head, lineEndings };
  }
  // Not UTF-8: Excel on Norwegian Windows writes Windows-1252. iconv-lite maps 0x80–0x9F
  // (€, ‚, „, …, ‘, ’, “, ”, –, —) correctly, which Node's TextDecoder does not.
  const bytes = readFileSync(path);
  const lineEndings = lineEndingsOf(bytes);
  const decoded = iconv.decode(bytes, 'windows-1252');
  const text = lineEndings === 'mixed' ? normaliseLineEndings(decoded) : decoded;
  return { encoding: 'windows-1252', utf8Path: copy(text), head: text.slice(0, 65536), lineEndings };
}
