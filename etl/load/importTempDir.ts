/**
 * Scratch folders that may hold personal data until it is validated: the import's transcoded
 * copies of files (`rt-import-<pid>-…`) and the server's uploaded files (`rt-upload-<pid>-…`).
 * Each is named after the process that made it, so one killed before it could clean up is
 * swept by the next import or at the server's start-up; a live process's folder is never
 * touched. Upload folders from before they carried a pid (`rt-upload-XXXXXX`) are swept once
 * they are an hour old (no upload takes that long).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const importPrefix = 'rt-import-';
const uploadPrefix = 'rt-upload-';
const withPid = /^rt-(?:import|upload)-(\d+)-/;
const legacyUpload = /^rt-upload-[A-Za-z0-9]{6}$/;
const legacyMaxAgeMs = 60 * 60 * 1000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAbandoned(root: string, name: string, now: number): boolean {
  const match = withPid.exec(name);
  if (match) return !isAlive(Number(match[1]));
  if (!legacyUpload.test(name)) return false;
  try {
    return now - statSync(join(root, name)).mtimeMs > legacyMaxAgeMs;
  } catch {
    return false;
  }
}

export function sweepAbandonedTempDirs(root = tmpdir(), now = Date.now()): void {
  for (const name of readdirSync(root)) {
    if (isAbandoned(root, name, now)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function makeImportTempDir(root = tmpdir()): string {
  sweepAbandonedTempDirs(root);
  return mkdtempSync(join(root, `${importPrefix}${process.pid}-`));
}

/** The folder an uploaded file is written to before it is imported; the caller removes it. */
export function makeUploadTempDir(root = tmpdir()): string {
  return mkdtempSync(join(root, `${uploadPrefix}${process.pid}-`));
}
