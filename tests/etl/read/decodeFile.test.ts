import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFile, fileIsUtf8, NotTextError } from '../../../etl/read/decodeFile.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

const dir = makeTempDir('rt-decode-');
afterAll(removeTempDirs);

let counter = 0;
function fileWith(bytes: Buffer): string {
  const path = join(dir, `in-${counter++}.csv`);
  writeFileSync(path, bytes);
  return path;
}

const text = 'Skolenavn;Kommune\nGrønnåsen skole – Ærlig Åsheim;Solstrand\n';
// The same text in Windows-1252, written byte by byte: æ ø å Æ Å and – (0x96).
const win1252 = Buffer.concat([
  Buffer.from('Skolenavn;Kommune\nGr'),
  Buffer.from([0xf8]),
  Buffer.from('nn'),
  Buffer.from([0xe5]),
  Buffer.from('sen skole '),
  Buffer.from([0x96]),
  Buffer.from(' '),
  Buffer.from([0xc6]),
  Buffer.from('rlig '),
  Buffer.from([0xc5]),
  Buffer.from('sheim;Solstrand\n'),
]);

describe('fileIsUtf8', () => {
  it.each([
    { name: 'ASCII', bytes: Buffer.from('a,b\n1,2\n'), expected: true },
    { name: 'UTF-8 with æøå', bytes: Buffer.from('æøå,ÆØÅ\n'), expected: true },
    { name: 'UTF-8 with a BOM', bytes: Buffer.from('\ufeffa,b\n'), expected: true },
    { name: 'an empty file', bytes: Buffer.alloc(0), expected: true },
    { name: 'Windows-1252 æøå', bytes: Buffer.from([0x61, 0xe6, 0xf8, 0xe5, 0x0a]), expected: false },
    { name: 'Windows-1252 – and €', bytes: Buffer.from([0x61, 0x96, 0x80, 0x0a]), expected: false },
    { name: 'UTF-8 cut in the middle of a character', bytes: Buffer.from([0x61, 0xc3]), expected: false },
  ])('fileIsUtf8 is $expected for $name', async ({ bytes, expected }) => {
    expect(await fileIsUtf8(fileWith(bytes))).toBe(expected);
  });

  // fileIsUtf8 reads 16 MiB at a time; a character split by that boundary must not count as invalid.
  const boundary = 16 << 20;
  it.each([
    { name: 'a 2-byte ø split by the 16 MiB read boundary', char: 'ø', before: 1, expected: true },
    { name: 'a 3-byte – split by the 16 MiB read boundary', char: '–', before: 2, expected: true },
    { name: 'a 4-byte emoji split by the 16 MiB read boundary', char: '😀', before: 3, expected: true },
    { name: 'a lone Windows-1252 ø just after the 16 MiB read boundary', char: null, before: 0, expected: false },
  ])('fileIsUtf8 is $expected for $name', async ({ char, before, expected }) => {
    const tail = char === null ? Buffer.from([0xf8, 0x0a]) : Buffer.from(`${char}\n`);
    const bytes = Buffer.concat([Buffer.alloc(boundary - before, 0x61), tail]);
    expect(await fileIsUtf8(fileWith(bytes))).toBe(expected);
  });
});

describe('decodeFile', () => {
  it('decodeFile reads plain UTF-8 in place, without a copy', async () => {
    const path = fileWith(Buffer.from(text));
    const decoded = await decodeFile(path, dir, 'plain.csv');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.utf8Path).toBe(path);
    expect(decoded.head).toBe(text);
  });

  it('decodeFile strips the BOM of UTF-8 with BOM', async () => {
    const path = fileWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const decoded = await decodeFile(path, dir, 'bom.csv');
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.head).toBe(text);
    expect(readFileSync(decoded.utf8Path)).toEqual(Buffer.from(text));
  });

  it('decodeFile transcodes Windows-1252 with æøå and – (0x96) to UTF-8', async () => {
    const decoded = await decodeFile(fileWith(win1252), dir, 'win.csv');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.head).toBe(text);
    expect(readFileSync(decoded.utf8Path, 'utf8')).toBe(text);
  });

  // Windows-1252 differs from Latin-1 in 0x80–0x9F; each must become its own character.
  it.each([
    { byte: 0x80, char: '€' },
    { byte: 0x82, char: '‚' },
    { byte: 0x84, char: '„' },
    { byte: 0x85, char: '…' },
    { byte: 0x8a, char: 'Š' },
    { byte: 0x91, char: '‘' },
    { byte: 0x92, char: '’' },
    { byte: 0x93, char: '“' },
    { byte: 0x94, char: '”' },
    { byte: 0x96, char: '–' },
    { byte: 0x97, char: '—' },
    { byte: 0x99, char: '™' },
    { byte: 0xe6, char: 'æ' },
    { byte: 0xf8, char: 'ø' },
    { byte: 0xe5, char: 'å' },
    { byte: 0xc6, char: 'Æ' },
    { byte: 0xd8, char: 'Ø' },
    { byte: 0xc5, char: 'Å' },
  ])('decodeFile decodes Windows-1252 byte 0x$byte as $char', async ({ byte, char }) => {
    const bytes = Buffer.concat([Buffer.from('a;b\nx'), Buffer.from([byte]), Buffer.from('y;1\n')]);
    const decoded = await decodeFile(fileWith(bytes), dir, `byte-${byte}.csv`);
    expect(decoded.encoding).toBe('windows-1252');
    expect(readFileSync(decoded.utf8Path, 'utf8')).toBe(`a;b\nx${char}y;1\n`);
  });

  it.each([
    { name: 'plain UTF-8', encode: (t: string) => Buffer.from(t), encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', encode: (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), encoding: 'utf-8-bom' },
    { name: 'Windows-1252', encode: (t: string) => Buffer.from(t, 'latin1'), encoding: 'windows-1252' },
  ])('decodeFile gives a copy with LF only when $name mixes CRLF and LF', async ({ encode, encoding }) => {
    const path = fileWith(encode('Skolenavn;Kommune\r\nHavblikk;Fjordvik\nM\u00e5keberget;Fjordvik\r\n'));
    const decoded = await decodeFile(path, dir, `mixed-${encoding}.csv`);
    expect(decoded).toMatchObject({ encoding, lineEndings: 'mixed' });
    expect(decoded.utf8Path).not.toBe(path);
    expect(readFileSync(decoded.utf8Path, 'utf8')).toBe('Skolenavn;Kommune\nHavblikk;Fjordvik\nM\u00e5keberget;Fjordvik\n');
  });

  it('decodeFile reads a plain UTF-8 CRLF file in place', async () => {
    const path = fileWith(Buffer.from('Skolenavn;Kommune\r\nHavblikk;Fjordvik\r\n'));
    expect(await decodeFile(path, dir, 'crlf.csv')).toMatchObject({ utf8Path: path, lineEndings: 'crlf' });
  });

  it.each([
    { name: 'little-endian (Excel «Unicode-tekst»)', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
    { name: 'big-endian', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) },
  ])('decodeFile decodes UTF-16 $name with its byte-order mark', async ({ bytes }) => {
    const decoded = await decodeFile(fileWith(bytes()), dir, `utf16-${counter}.csv`);
    expect(decoded).toMatchObject({ encoding: 'utf-16', head: text });
    expect(readFileSync(decoded.utf8Path, 'utf8')).toBe(text);
  });

  it.each([
    { name: 'little-endian', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from([0x41])]) },
    { name: 'big-endian', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16(), Buffer.from([0x41])]) },
  ])('decodeFile refuses UTF-16 $name with an odd number of bytes, in Norwegian', async ({ bytes }) => {
    const path = fileWith(bytes());
    await expect(decodeFile(path, dir, 'odd.csv')).rejects.toThrow(NotTextError);
    await expect(decodeFile(path, dir, 'odd.csv')).rejects.toThrow(
      'filen er lagret som UTF-16 («Unicode-tekst»), men har et odde antall byte: den er avkuttet eller skadet. Lagre den på nytt fra Excel som «CSV UTF-8» og prøv igjen',
    );
  });

  it.each([
    { name: 'a spreadsheet (zip) renamed to .csv', bytes: Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000xl/workbook.xml') },
    { name: 'UTF-16 without its byte-order mark', bytes: Buffer.from('school_id;school_name\n', 'utf16le') },
  ])('decodeFile refuses $name with a NotTextError that says how to save the file', async ({ bytes }) => {
    const path = fileWith(bytes);
    await expect(decodeFile(path, dir, 'nul.csv')).rejects.toThrow(NotTextError);
    await expect(decodeFile(path, dir, 'nul.csv')).rejects.toThrow(/ikke en tekstfil.*«CSV UTF-8»/);
  });
});

describe('decodeFile on a large file', () => {
  // A national import checks hundreds of MB of UTF-8 before DuckDB reads them; done in one go
  // it held the server's event loop for seconds, and every request of the dashboard timed out.
  it('lets other work run while it checks a 24 MiB file: no stall of the event loop takes half the time', async () => {
    const line = 'case_id;school_id;kind;first_concern_date;grade;Grønnåsen\n';
    const path = fileWith(Buffer.from(line.repeat(Math.ceil((24 << 20) / Buffer.byteLength(line)))));
    /** One decode with a turn of the event loop on every pass: the longest time between two turns is the longest stall. */
    const stallShare = async (): Promise<number> => {
      let last = performance.now();
      let longestStall = 0;
      let running = true;
      const turn = () => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - last);
        last = now;
        if (running) setImmediate(turn);
      };
      setImmediate(turn);
      const started = performance.now();
      const decoded = await decodeFile(path, dir, 'large.csv');
      const took = performance.now() - started;
      running = false;
      expect(decoded).toMatchObject({ encoding: 'utf-8', utf8Path: path, lineEndings: 'lf' });
      return longestStall / took;
    };
    // Six chunks of 4 MiB, the event loop free between them: a stall is about a sixth of the
    // whole. Read in one go, the one stall was nearly all of it. The run takes some 30 ms, so
    // one pause of the whole process on a loaded machine can make any stall look long: the
    // best of three runs is held to the bound (a one-go check fails every run).
    const shares: number[] = [];
    while (shares.length < 3 && !shares.some((share) => share < 0.5)) shares.push(await stallShare());
    expect(Math.min(...shares)).toBeLessThan(0.5);
  });
});
