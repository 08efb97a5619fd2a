/** A file's rejections among a batch's quarantined rows: matched by the upload's last name part, each once, in line order. */
import { describe, expect, it } from 'vitest';
import { quarantinedRejections } from '../../../../dashboard/views/import/quarantinedRejections.ts';

describe('quarantinedRejections', () => {
  it('keeps the rows of the one file, by its last name part, once each, in line order', () => {
    const rows = [
      { file: 'saker.csv', line: 9, column: 'grade', reason: 'ugyldig trinn' },
      { file: 'skoler.csv', line: 2, column: null, reason: 'annen fil' },
      { file: 'saker.csv', line: 3, column: null, reason: 'for få felt' },
      { file: 'saker.csv', line: 9, column: 'grade', reason: 'ugyldig trinn' },
      { file: 'saker.csv', line: 9, column: 'kind', reason: 'ukjent type' },
    ];
    expect(quarantinedRejections('eksport/høst/saker.csv', rows)).toEqual([
      { line: 3, column: null, reason: 'for få felt' },
      { line: 9, column: 'grade', reason: 'ugyldig trinn' },
      { line: 9, column: 'kind', reason: 'ukjent type' },
    ]);
    expect(quarantinedRejections('andre.csv', rows)).toEqual([]);
  });
});
