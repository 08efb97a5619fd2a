import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeImportTempDir, sweepAbandonedTempDirs } from '../../../etl/load/importTempDir.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function root(): string {
  const r = mkdtempSync(join(tmpdir(), 'rt-sweep-'));
  roots.push(r);
  return r;
}

describe('importTempDir', () => {
  it('sweepAbandonedTempDirs removes the folder of a dead importer and keeps a live one', () => {
    const r = root();
    const dead = join(r, 'rt-import-999999999-abc'); // no such pid
    const live = join(r, `rt-import-${process.pid}-def`);
    const other = join(r, 'something-else');
    [dead, live, other].forEach((d) => mkdirSync(d));
    sweepAbandonedTempDirs(r);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('makeImportTempDir names the folder after this process', () => {
    const dir = makeImportTempDir(root());
    expect(dir).toMatch(new RegExp(`rt-import-${process.pid}-`));
    expect(existsSync(dir)).toBe(true);
  });
});
