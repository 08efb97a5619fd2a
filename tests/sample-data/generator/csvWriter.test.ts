import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, CsvWriter } from '../../../sample-data/generator/csvWriter.ts';

const dir = mkdtempSync(join(tmpdir(), 'rt-csv-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csvField', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    [12, '12'],
    [true, 'true'],
    ['Tema: psykisk helse', 'Tema: psykisk helse'],
    ['a,b', '"a,b"'],
    ['sa "hei"', '"sa ""hei"""'],
  ])('csvField(%j) is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('CsvWriter', () => {
  it('writes the canonical header and rows by column name, UTF-8 without BOM', () => {
    const writer = new CsvWriter(dir, 'competence_participation');
    writer.write({ school_id: '990010014', effort_id: 'ALP-2024', date: '2024-10-01', participants_count: 12 });
    writer.close();
    const bytes = readFileSync(writer.path);
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.toString('utf8')).toBe('effort_id,school_id,date,participants_count\nALP-2024,990010014,2024-10-01,12\n');
    expect(writer.rows).toBe(1);
  });

  it('keeps æ, ø and å intact across many buffer flushes', () => {
    const writer = new CsvWriter(dir, 'schools');
    for (let i = 0; i < 20_000; i++) writer.write({ school_id: `S${i}`, school_name: 'Kvernhusøya skole', municipality: 'Lauvåsen' });
    writer.close();
    const lines = readFileSync(writer.path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines.at(-1)).toBe('S19999,Kvernhusøya skole,Lauvåsen,,,,');
  });
});
