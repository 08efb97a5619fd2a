/**
 * Decides a file's encoding (UTF-8 with or without BOM, else Windows-1252) and returns a
 * path DuckDB can read as UTF-8: the file itself when it already is plain UTF-8 (the common,
 * large case: no copy), else a transcoded temporary copy.
 */
import { closeSync, openSync, readSync, writeFileSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedFile {
  readonly encoding: Encoding;
  /** A UTF-8 file without BOM holding the same text. */
  readonly utf8Path: string;
  /** The first part of the text, enough to read the header and sniff the delimiter. */
  readonly head: string;
}

const chunkSize = 16 << 20;

/** True when the whole file is valid UTF-8; reads in chunks so large files stay out of memory. */
export function fileIsUtf8(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkSize + 4);
    let carry = 0;
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, carry, chunkSize, position);
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
    closeSync(fd);
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

export function decodeFile(path: string, tempDir: string, tempName: string): DecodedFile {
  const headBytes = readHead(path);
  const hasBom = headBytes[0] === 0xef && headBytes[1] === 0xbb && headBytes[2] === 0xbf;
  if (fileIsUtf8(path)) {
    if (!hasBom) return { encoding: 'utf-8', utf8Path: path, head: headBytes.toString('utf8') };
    const text = readFileSync(path).subarray(3);
    const utf8Path = join(tempDir, tempName);
    writeFileSync(utf8Path, text);
    return { encoding: 'utf-8-bom', utf8Path, head: headBytes.subarray(3).toString('utf8') };
  }
  // Not UTF-8: Excel on Norwegian Windows writes Windows-1252. iconv-lite maps 0x80–0x9F
  // (€, ‚, „, …, ‘, ’, “, ”, –, —) correctly, which Node's TextDecoder does not.
  const text = iconv.decode(readFileSync(path), 'windows-1252');
  const utf8Path = join(tempDir, tempName);
  writeFileSync(utf8Path, text, 'utf8');
  return { encoding: 'windows-1252', utf8Path, head: text.slice(0, 65536) };
}
