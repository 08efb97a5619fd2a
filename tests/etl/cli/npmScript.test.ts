/**
 * The README's command line is `npm run etl -- <args>`; the other CLI tests start package.json's
 * `etl` script with node directly (tests/helpers/runEtl.ts). Here both ways run the same
 * commands, one that succeeds and one that fails, and must give the same output and exit code:
 * npm passes the arguments through, and nothing npm adds (its cwd, its environment) matters.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEtl } from '../../helpers/runEtl.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';

afterAll(removeTempDirs);

describe('npm run etl and the direct start agree', () => {
  it('--help: exit 0, the same text, naming the import command', async () => {
    const [npm, direct] = await Promise.all([runEtl(['--help'], { viaNpm: true }), runEtl(['--help'])]);
    expect(npm.code).toBe(0);
    expect(npm.stdout).toContain('import');
    expect(direct).toEqual(npm);
  });

  it('a missing file: the same non-zero exit and the same message', async () => {
    const dir = makeTempDir('rt-npm-script-');
    const args = ['import', join(dir, 'finnes-ikke.csv'), '--db', join(dir, 'ressursteam.duckdb')];
    const npm = await runEtl(args, { viaNpm: true });
    const direct = await runEtl(args);
    expect(npm.code).not.toBe(0);
    expect(npm.stderr).toContain('finnes-ikke.csv');
    expect(direct).toEqual(npm);
  });
});
