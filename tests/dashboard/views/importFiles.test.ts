/** The import page's pure parts: which dropped files are sent under which names, and the bytes sent of each. */
import { describe, expect, it } from 'vitest';
import { droppedFiles, filesOfInput } from '../../../dashboard/views/import/droppedFiles.ts';
import { sentPerFile } from '../../../dashboard/views/import/sentPerFile.ts';

const file = (name: string, relative = '') => {
  const f = new File(['x'], name);
  if (relative) Object.defineProperty(f, 'webkitRelativePath', { value: relative });
  return f;
};

describe('droppedFiles', () => {
  it('keeps CSV, TSV, TXT and .xlsx files in name order, names repeats apart and lists the rest as skipped', () => {
    const result = droppedFiles([
      { path: 'saker.csv', file: file('saker.csv') },
      { path: 'eksport/skoler.CSV', file: file('skoler.CSV') },
      { path: 'notat.docx', file: file('notat.docx') },
      { path: 'saker.csv', file: file('saker.csv') },
      { path: 'droftinger.tsv', file: file('droftinger.tsv') },
      { path: 'elevdata.xlsx', file: file('elevdata.xlsx') },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['droftinger.tsv', 'eksport/skoler.CSV', 'elevdata.xlsx', 'saker.csv', 'saker.csv (2)']);
    expect(result.skipped).toEqual(['notat.docx']);
  });

  it('takes only the top level of a chosen folder, as the command line does', () => {
    const list = [file('a.csv', 'eksport/a.csv'), file('b.csv', 'eksport/gammelt/b.csv')] as unknown as FileList;
    expect(filesOfInput(list).map((f) => f.path)).toEqual(['eksport/a.csv']);
  });
});

describe('sentPerFile', () => {
  it.each([
    [0, [0, 0, 0]],
    [5, [5, 0, 0]],
    [10, [10, 0, 0]],
    [13, [10, 3, 0]],
    [17, [10, 5, 2]],
    [99, [10, 5, 2]],
  ])('after %i bytes of files of 10, 5 and 2 bytes: %j', (loaded, expected) => {
    expect(sentPerFile([10, 5, 2], loaded)).toEqual(expected);
  });
});
