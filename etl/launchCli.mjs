/**
 * `npm run etl`: runs etl/cli.ts from one bundled file (dist/etl/cli.mjs) that esbuild
 * compiles — in a fraction of a second — whenever a source it was built from has changed.
 * Why: the contract's `figures` call must finish within a second at national scale, start-up
 * included, and tsx alone spends most of that (it starts a second Node process and compiles
 * every module as it loads: about three times the CPU of starting from the bundle).
 * Plain JavaScript, so it runs before anything is compiled. Without esbuild, or where the
 * bundle cannot be written, it runs through tsx as before.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'etl', 'cli.ts');
// Two folders below the root, like etl/db/defaultPaths.ts: it finds the project root from its own URL.
const bundle = join(root, 'dist', 'etl', 'cli.mjs');
const manifest = `${bundle}.inputs.json`;

/** A file's modification time and size, the bundle's record of what it was built from. */
function stamp(file) {
  const stats = statSync(join(root, file));
  return `${stats.mtimeMs}:${stats.size}`;
}

/** True when the bundle exists and no source it was built from has changed since. */
function bundleIsFresh() {
  try {
    const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
    statSync(bundle);
    return Object.entries(inputs).every(([file, recorded]) => stamp(file) === recorded);
  } catch {
    return false;
  }
}

/** Writes through a temporary name, so a concurrent run never reads half a file. */
function writeAtomically(path, write) {
  const temporary = `${path}.${process.pid}.tmp`;
  write(temporary);
  renameSync(temporary, path);
}

function buildBundle(esbuild) {
  mkdirSync(dirname(bundle), { recursive: true });
  const started = Date.now();
  let result;
  writeAtomically(bundle, (outfile) => {
    result = esbuild.buildSync({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      metafile: true,
      logLevel: 'warning',
    });
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, stamp(file)]));
  // A source saved while esbuild ran may not be in the bundle: leave no record, rebuild next time.
  const changedDuringBuild = Object.keys(inputs).some((file) => statSync(join(root, file)).mtimeMs >= started);
  if (!changedDuringBuild) writeAtomically(manifest, (path) => writeFileSync(path, JSON.stringify(inputs)));
}

/** As before the bundle: tsx compiles each module as it loads. */
async function runWithTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

async function main() {
  if (!bundleIsFresh()) {
    const loaded = await import('esbuild').catch(() => null);
    const esbuild = loaded?.buildSync ? loaded : loaded?.default;
    // No esbuild, or nowhere to write the bundle (a read-only checkout): run through tsx.
    if (!esbuild) return runWithTsx();
    try {
      buildBundle(esbuild);
    } catch {
      return runWithTsx();
    }
  }
  await import(pathToFileURL(bundle).href);
}

await main();
