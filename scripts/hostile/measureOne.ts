/** `npx tsx scripts/hostile/measureOne.ts <rows|extra> <n>`: measures one hostile file (see measureHostile.ts). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extraColumnCases, unknownSchoolCases } from './hostileFiles.ts';

const [what, n] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'rt-hostile-'));
try {
  const file = what === 'rows' ? await unknownSchoolCases(dir, Number(n)) : await extraColumnCases(dir, Number(n));
  process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measureImport.ts'), join(dir, 'db.duckdb'), file], { encoding: 'utf8' }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
