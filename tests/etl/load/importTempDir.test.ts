import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeImportTempDir, makeUploadTempDir, sweepAbandonedTempDirs } from '../../../etl/load/importTempDir.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function root(): string {
  const r = mkdtempSync(join(tmpdir(), 'rt-sweep-'));
  roots.push(r);
  return r;
}

/** A folder with a file in it (sweeping must remove what is inside too). */
function folder(r: string, name: string): string {
  const dir = join(r, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'saker.csv'), 'case_id;elevnavn\r\nP-1;Kari Nordmann\r\n');
  return dir;
}

const deadPid = 999999999; // above any pid Linux hands out

describe('importTempDir', () => {
  it('sweepAbandonedTempDirs removes the folder of a dead importer and keeps a live one', () => {
    const r = root();
    const dead = folder(r, `rt-import-${deadPid}-abc`);
    const live = folder(r, `rt-import-${process.pid}-def`);
    const other = folder(r, 'something-else');
    sweepAbandonedTempDirs(r);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('sweepAbandonedTempDirs removes the upload folder of a dead server with its file and keeps a live server’s', () => {
    const r = root();
    const dead = folder(r, `rt-upload-${deadPid}-Ab12Cd`);
    const live = folder(r, `rt-upload-${process.pid}-Ef34Gh`);
    sweepAbandonedTempDirs(r);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('sweepAbandonedTempDirs removes an upload folder without a pid (older servers) once it is over an hour old', () => {
    const r = root();
    const now = Date.parse('2026-01-15T12:00:00Z');
    const old = folder(r, 'rt-upload-Xy12Zw');
    const recent = folder(r, 'rt-upload-Qr34St');
    const notOurs = folder(r, 'rt-uploads-Xy12Zw');
    const seconds = (ms: number) => ms / 1000;
    utimesSync(old, seconds(now - 61 * 60_000), seconds(now - 61 * 60_000));
    utimesSync(recent, seconds(now - 59 * 60_000), seconds(now - 59 * 60_000));
    utimesSync(notOurs, seconds(now - 24 * 60 * 60_000), seconds(now - 24 * 60 * 60_000));
    sweepAbandonedTempDirs(r, now);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(notOurs)).toBe(true);
  });

  it('makeImportTempDir names the folder after this process', () => {
    const dir = makeImportTempDir(root());
    expect(dir).toMatch(new RegExp(`rt-import-${process.pid}-`));
    expect(existsSync(dir)).toBe(true);
  });

  it('makeUploadTempDir names the folder after this process, so a sweep keeps it while this process lives', () => {
    const r = root();
    const dir = makeUploadTempDir(r);
    expect(dir).toMatch(new RegExp(`/rt-upload-${process.pid}-[^/]+$`));
    sweepAbandonedTempDirs(r);
    expect(existsSync(dir)).toBe(true);
  });

  it('makeImportTempDir sweeps a dead server’s upload folder before making its own', () => {
    const r = root();
    const dead = folder(r, `rt-upload-${deadPid}-Ab12Cd`);
    makeImportTempDir(r);
    expect(existsSync(dead)).toBe(false);
  });
});
