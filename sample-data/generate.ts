/**
 * Generates the fictional sample data, or a national-sized data set for benchmarks.
 *
 *   npx tsx sample-data/generate.ts --scale sample --out sample-data/
 *   npx tsx sample-data/generate.ts --scale national --out data/bench-national/ [--seed N]
 *   npx tsx sample-data/generate.ts --schools 30 --years 2 --out /tmp/slice/
 *
 * Also exports `generate({ scale, out, seed })` for the benchmark and the tests.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultSeed, generate, type GenerateResult } from './generator/generate.ts';
import type { Scale } from './generator/scale.ts';

export { defaultSeed, generate } from './generator/generate.ts';
export type { GenerateOptions, GenerateResult } from './generator/generate.ts';
export type { CustomScale, Scale, ScaleName } from './generator/scale.ts';

const usage = `usage: npx tsx sample-data/generate.ts [--scale sample|national] [--schools N --years N [--municipalities N]]
                                       [--out DIR] [--seed N]`;

function wholeNumber(name: string, text: string | boolean | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new Error(`--${name} needs a value`);
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number (got "${text}")`);
  return Number(text);
}

function scaleFrom(values: Readonly<Record<string, string | boolean | undefined>>): Scale {
  const schools = wholeNumber('schools', values.schools);
  const years = wholeNumber('years', values.years);
  if (schools !== undefined || years !== undefined) {
    return { schools: schools ?? 30, years: years ?? 2, municipalities: wholeNumber('municipalities', values.municipalities) };
  }
  const scale = values.scale ?? 'sample';
  if (scale !== 'sample' && scale !== 'national') throw new Error(`--scale must be sample or national (got "${scale}")`);
  return scale;
}

function report(result: GenerateResult): string {
  const width = Math.max(...result.files.map((f) => f.path.length));
  const lines = result.files.map((f) => `${f.path.padEnd(width)}  ${String(f.rows).padStart(10)}`);
  const total = result.files.reduce((sum, f) => sum + f.rows, 0);
  return [
    `scale ${result.scale}, ${result.schools} schools, seed ${result.seed}`,
    ...lines,
    `${'total rows'.padEnd(width)}  ${String(total).padStart(10)}`,
    `done in ${(result.milliseconds / 1000).toFixed(1)} s`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      schools: { type: 'string' },
      years: { type: 'string' },
      municipalities: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const scale = scaleFrom(values);
  const out = values.out ?? (scale === 'sample' ? 'sample-data/' : 'data/bench-national/');
  const seed = wholeNumber('seed', values.seed) ?? defaultSeed;
  console.log(report(await generate({ scale, out: resolve(out), seed })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exitCode = 1;
  });
}
