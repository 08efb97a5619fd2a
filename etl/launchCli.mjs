/**
 * `npm run etl`: runs etl/cli.ts from one bundled file (dist/etl/cli.mjs) that esbuild
 * compiles whenever a source it was built from has changed (etl/runBundled.mjs).
 * Why: the contract's `figures` call must finish within a second at national scale, start-up
 * included, and tsx alone spends most of that (it starts a second Node process and compiles
 * every module as it loads: about three times the CPU of starting from the bundle).
 */
import { runBundled } from './runBundled.mjs';

await runBundled('etl/cli.ts', 'dist/etl/cli.mjs');
