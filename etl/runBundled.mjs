/**
 * Runs a TypeScript entry from one bundled file that esbuild compiles — in a fraction of a
 * second — whenever a source it was built from has changed: `npm run etl` (etl/launchCli.mjs)
 * and the .xlsx reading worker (etl/load/workbookWorker.mjs) start through it.
 * Why: tsx compiles every module as it loads, which costs the command line most of its
 * one-second budget and a worker about two seconds per start; the bundle loads in
 * milliseconds. Plain JavaScript, so it runs before anything is compiled, in the main
 * thread or a worker. Without esbuild, or where the bundle cannot be written, the entry
 * runs through tsx as before.
 *
 * The packages are bundled too, all but DuckDB's native binding (`nativePackages`). Imported
 * from node_modules instead, Node's ESM loader resolves each of their files and scans every
 * CommonJS one for its exports: @duckdb/node-api alone is some sixty files, about 80 ms of
 * a `figures` call, and all packages together about 150 ms (measured at national scale for
 * issue 9, 12 interleaved runs each: 675–860 ms before, 538–673 ms after). The bundle's `require` (for the native
 * binding and what bundled CommonJS asks for) is Node's own, made from the bundle's URL.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded from node_modules at run time: a native addon cannot be bundled. */
const nativePackages = ['@duckdb/node-bindings'];

/** Gives CommonJS inside the ESM bundle a real `require` (esbuild's shim throws for externals). */
const requireBanner = "import { createRequire as rtCreateRequire } from 'node:module'; const require = rtCreateRequire(import.meta.url);";

/**
 * What a bundle's freshness is judged by: its own sources file by file, and the installed
 * packages through the lock file (npm rewrites it on every install or update), so the
 * check stats some hundred files, not every file of every package.
 */
function recordedInputs(metafileInputs) {
  const sources = Object.keys(metafileInputs).filter((file) => !file.startsWith('node_modules/'));
  return [...sources, ...['package-lock.json', 'package.json'].filter((file) => existsSync(join(root, file)))];
}

/** A file's modification time and size, the bundle's record of what it was built from. */
function stamp(file) {
  const stats = statSync(join(root, file));
  return `${stats.mtimeMs}:${stats.size}`;
}

/** True when the bundle exists and no source it was built from has changed since. */
function bundleIsFresh(bundle) {
  try {
    const inputs = JSON.parse(readFileSync(`${bundle}.inputs.json`, 'utf8'));
    statSync(bundle);
    return Object.entries(inputs).every(([file, recorded]) => stamp(file) === recorded);
  } catch {
    return false;
  }
}

/**
 * Writes through a temporary name, so a concurrent run never reads half a file. The thread
 * is in the name: two workers of one process may build the same bundle at once.
 */
function writeAtomically(path, write) {
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  write(temporary);
  renameSync(temporary, path);
}

function buildBundle(esbuild, entry, bundle) {
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
      external: nativePackages,
      banner: { js: requireBanner },
      outfile,
      metafile: true,
      logLevel: 'warning',
    });
  });
  const inputs = Object.fromEntries(recordedInputs(result.metafile.inputs).map((file) => [file, stamp(file)]));
  // A source saved while esbuild ran may not be in the bundle: leave no record, rebuild next time.
  const changedDuringBuild = Object.keys(inputs).some((file) => statSync(join(root, file)).mtimeMs >= started);
  if (!changedDuringBuild) writeAtomically(`${bundle}.inputs.json`, (path) => writeFileSync(path, JSON.stringify(inputs)));
}

/** As before the bundle: tsx compiles each module as it loads. */
async function runWithTsx(entry) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

/**
 * `entryPath` and `bundlePath` from the project root. The bundle must sit two folders below
 * the root (dist/etl/…), as the sources do: etl/db/defaultPaths.ts finds the root from its own URL.
 */
export async function runBundled(entryPath, bundlePath) {
  const entry = join(root, entryPath);
  const bundle = join(root, bundlePath);
  if (!bundleIsFresh(bundle)) {
    const loaded = await import('esbuild').catch(() => null);
    const esbuild = loaded?.buildSync ? loaded : loaded?.default;
    // No esbuild, or nowhere to write the bundle (a read-only checkout): run through tsx.
    if (!esbuild) return runWithTsx(entry);
    try {
      buildBundle(esbuild, entry, bundle);
    } catch {
      return runWithTsx(entry);
    }
  }
  await import(pathToFileURL(bundle).href);
}
