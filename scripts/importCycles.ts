/**
 * Import cycles among the project's TypeScript files, type-only imports included (the house
 * rule: no cycles of any kind). A small stand-in for `madge --circular` that needs no
 * dependency: it reads the relative specifiers of `import`/`export … from` statements and
 * dynamic `import()`, and reports each cycle once, as the files in order.
 * `npx tsx scripts/importCycles.ts` prints them (exit status 1 when there are any).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(/[\\/]/).some((part) => part === 'node_modules' || part === 'dist'))
    .map((f) => join(dir, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(specifiers)].map((m) => resolve(dirname(file), m[1]!)).filter((path) => existsSync(path));
}

/** Every cycle (as root-relative paths, starting at its smallest path) among the files under `dirs`. */
export function importCycles(root: string, dirs: readonly string[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const dir of dirs) for (const file of sourceFiles(join(root, dir))) graph.set(file, importsOf(file));
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => relative(root, f));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' > '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const found = importCycles(root, ['server', 'etl', 'dashboard', 'bench', 'scripts']);
  for (const cycle of found) console.log(cycle.join(' > '));
  console.log(found.length === 0 ? 'Ingen importsykler.' : `${found.length} importsykler.`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
