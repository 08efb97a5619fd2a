/**
 * Decides a file's encoding from its bytes, by the rules decodeFile applies on the server
 * (UTF-16 with its byte-order mark, UTF-8 with or without BOM, else Windows-1252; NUL bytes
 * mean no text file), with the platform's TextDecoder: the import page runs it in the
 * browser on the files the user dropped, before anything is sent, and on the whole file when
 * it writes the rejected rows back out. No Node modules here.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16' | 'windows-1252';

export type DecodedBytes = { ok: true; encoding: Encoding; text: string } | { ok: false; reason: string };

export const notTextReason =
  'filen er ikke en tekstfil (den inneholder NUL-tegn); lagre den fra Excel som «CSV UTF-8» eller «CSV (semikolondelt)»';

/** The length of `bytes` without a multi-byte UTF-8 character cut off at its end. */
function wholeCharacters(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? bytes.length - back : bytes.length;
    }
    if ((byte & 0x80) === 0) return bytes.length;
  }
  return bytes.length;
}

/**
 * The text of `bytes`; `partial` when they are only the file's first bytes (a character cut
 * at the end is then left out rather than taken for Windows-1252).
 */
export function decodeBytes(bytes: Uint8Array, partial = false): DecodedBytes {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: 'utf-16', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: 'utf-16', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.subarray(0, 65536).includes(0)) return { ok: false, reason: notTextReason };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bytes.subarray(bom ? 3 : 0, partial ? wholeCharacters(bytes) : bytes.length);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', text };
  } catch {
    return { ok: true, encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
  }
}
