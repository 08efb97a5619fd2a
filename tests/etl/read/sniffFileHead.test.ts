/**
 * The browser's reading of a dropped file's head gives the kind, encoding and delimiter the
 * server's import gives the same file (checked against tests/fixtures/exports, whose kinds
 * the fixtures' README states).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../etl/read/decodeBytes.ts';
import { headBytes, sniffFileHead } from '../../../etl/read/sniffFileHead.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const head = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)).subarray(0, headBytes));

describe('sniffFileHead', () => {
  it.each([
    ['exports/skoler.csv', 'schools', 'utf-8-bom', ';'],
    ['exports/motelogg.csv', 'meetings', 'windows-1252', ';'],
    ['exports/saker.csv', 'cases', 'utf-8', ','],
    ['exports/droftinger.tsv', 'discussions', 'utf-8', '\t'],
    ['exports/arshjul.csv', 'yearwheel', 'windows-1252', ';'],
    ['exports/v2/avvik.csv', 'deviations', expect.any(String), expect.any(String)],
    ['swedish/avvikelser.csv', 'deviations', expect.any(String), expect.any(String)],
    ['swedish/arenden.csv', 'cases', expect.any(String), expect.any(String)],
  ])('%s is %s', (path, kind, encoding, delimiter) => {
    expect(sniffFileHead(head(path))).toMatchObject({ ok: true, kind, encoding, delimiter });
  });

  it('names the ignored columns', () => {
    expect(sniffFileHead(head('exports/saker.csv'))).toMatchObject({ ignoredColumns: ['beskrivelse', 'elevnavn'] });
  });

  it('gives the server\'s reasons for an unknown kind, an empty file and a spreadsheet', () => {
    expect(sniffFileHead(new TextEncoder().encode('foo;bar\n1;2\n'))).toEqual({ ok: false, reason: expect.stringMatching(/^ukjent filtype/) });
    expect(sniffFileHead(new Uint8Array())).toEqual({ ok: false, reason: 'filen er tom (mangler overskriftsrad)' });
    expect(sniffFileHead(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toEqual({ ok: false, reason: expect.stringMatching(/ikke en tekstfil/) });
  });

  it('does not take UTF-8 cut in the middle of a character for Windows-1252', () => {
    const bytes = new TextEncoder().encode('skole_id;skolenavn;kommune\n1;Ø');
    expect(decodeBytes(bytes.subarray(0, bytes.length - 1), true)).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0x4d, 0xf8, 0x74, 0x65]))).toEqual({ ok: true, encoding: 'windows-1252', text: 'Møte' });
  });
});
