/**
 * Recognises a file's kind from its header and maps each header position to a contract
 * column. Extra columns are reported by their original name and never read further.
 */
import { kinds, kindSpec } from '../contract/index.ts';
import type { KindName, KindSpec } from '../contract/types.ts';
import { normaliseName } from './normaliseName.ts';

export interface HeaderMapping {
  readonly spec: KindSpec;
  /** Contract column name → position in the file. */
  readonly positions: ReadonlyMap<string, number>;
  /** Original header text of each position (for messages). */
  readonly headerNames: readonly string[];
  readonly ignoredColumns: readonly string[];
}

export type KindDetection = { ok: true; mapping: HeaderMapping } | { ok: false; reason: string };

function matchColumns(spec: KindSpec, names: readonly string[]) {
  const lookup = new Map<string, string>();
  for (const c of spec.columns) {
    lookup.set(c.name, c.name);
    for (const a of c.aliases) lookup.set(a, c.name);
  }
  const positions = new Map<string, number>();
  const duplicates: string[] = [];
  const ignored: string[] = [];
  names.forEach((raw, i) => {
    const canonical = lookup.get(normaliseName(raw));
    if (canonical === undefined) {
      if (raw.trim() !== '') ignored.push(raw.trim());
    } else if (positions.has(canonical)) duplicates.push(raw.trim());
    else positions.set(canonical, i);
  });
  const missing = spec.columns.filter((c) => c.required && !positions.has(c.name)).map((c) => c.name);
  return { positions, duplicates, ignored, missing };
}

/**
 * Names the kind the header comes closest to and the contract columns it lacks. The header's
 * own text is not repeated: a file without a header row has data (names, birth dates,
 * national identity numbers) where the header should be.
 */
function unknownKindReason(scored: ReadonlyArray<{ spec: KindSpec; positions: ReadonlyMap<string, number>; missing: readonly string[] }>): string {
  const closest = [...scored].sort((a, b) => b.positions.size - a.positions.size || a.missing.length - b.missing.length)[0];
  if (!closest || closest.positions.size === 0) {
    return 'ukjent filtype: ingen av overskriftene er kolonnenavn fra datakontrakten (mangler filen overskriftsrad?)';
  }
  return `ukjent filtype: overskriftene passer ikke med noen filtype i datakontrakten (nærmest ${closest.spec.kind}, som mangler ${closest.missing.length === 1 ? 'kolonnen' : 'kolonnene'} ${closest.missing.join(', ')})`;
}

export function detectKind(names: readonly string[], explicit?: KindName): KindDetection {
  const candidates = explicit ? [kindSpec(explicit)] : kinds;
  const scored = candidates.map((spec) => ({ spec, ...matchColumns(spec, names) }));
  const complete = scored.filter((s) => s.missing.length === 0);
  if (complete.length === 0) {
    if (explicit) {
      const s = scored[0]!;
      return { ok: false, reason: `mangler påkrevde kolonner for ${explicit}: ${s.missing.join(', ')}` };
    }
    return { ok: false, reason: unknownKindReason(scored) };
  }
  complete.sort((a, b) => b.positions.size - a.positions.size || a.ignored.length - b.ignored.length);
  const [best, second] = complete;
  if (second && second.positions.size === best!.positions.size && second.ignored.length === best!.ignored.length) {
    return { ok: false, reason: `filtypen er tvetydig (${best!.spec.kind} eller ${second.spec.kind}); oppgi den med --kind` };
  }
  const chosen = best!;
  if (chosen.duplicates.length > 0) {
    return { ok: false, reason: `kolonnen finnes mer enn én gang: ${chosen.duplicates.join(', ')}` };
  }
  return {
    ok: true,
    mapping: { spec: chosen.spec, positions: chosen.positions, headerNames: names, ignoredColumns: chosen.ignored },
  };
}
