/** Temporary directories under os.tmpdir() for tests, removed again by `removeTempDirs`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** A fresh empty directory; remove it (and every other one made here) with `removeTempDirs`. */
export function makeTempDir(prefix = 'rt-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
