/**
 * The import's scratch folder for transcoded copies of files (which may hold personal data
 * until validated). Named after the importing process, so an import killed before it could
 * clean up is swept by the next one; a live process's folder is never touched.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const prefix = 'rt-import-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function sweepAbandonedTempDirs(root = tmpdir()): void {
  for (const name of readdirSync(root)) {
    const match = new RegExp(`^${prefix}(\\d+)-`).exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function makeImportTempDir(root = tmpdir()): string {
  sweepAbandonedTempDirs(root);
  return mkdtempSync(join(root, `${prefix}${process.pid}-`));
}
