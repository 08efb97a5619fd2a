/**
 * Parts of made-up Norwegian place names. Municipality and school names are built from them,
 * so the national scale has hundreds of plausible names that belong to no real place list.
 */
import type { Random } from './random.ts';

export const namePrefixes = [
  'Fjord', 'Lauv', 'Bjørke', 'Nord', 'Sør', 'Vest', 'Øst', 'Stein', 'Furu', 'Gran', 'Lyng', 'Myr',
  'Elve', 'Sol', 'Kvern', 'Holm', 'Rogn', 'Hav', 'Sjø', 'Bakke', 'Skog', 'Ny', 'Lang', 'Brei',
  'Kvit', 'Grønn', 'Blå', 'Rød', 'Fjell', 'Tjern', 'Ørne', 'Måke', 'Tåke', 'Bølge', 'Sild', 'Hegge',
  'Linde', 'Ospe', 'Eike', 'Hassel', 'Rype', 'Trane', 'Lomme', 'Kobbe', 'Snø', 'Vind', 'Mose', 'Sand',
] as const;

export const municipalitySuffixes = [
  'vik', 'åsen', 'strand', 'dal', 'heim', 'berg', 'fjord', 'øy', 'sund', 'nes', 'by', 'stad', 'eid',
  'haug', 'land', 'mark', 'bygd', 'vang', 'voll', 'ø',
] as const;

export const schoolSuffixes = [
  'lia', 'haugen', 'moen', 'bakken', 'tun', 'løkka', 'åsen', 'berget', 'heia', 'dalen', 'jordet',
  'vika', 'sletta', 'stua', 'lund', 'hagen', 'toppen', 'brekka', 'myra', 'tunet',
] as const;

/** Combinations that are real Norwegian municipalities, counties or districts: never used. */
const realNames = new Set(['Sandnes', 'Vestby', 'Rødøy', 'Lyngdal', 'Vestland', 'Nordland', 'Nordstrand', 'Sandøy', 'Sørland', 'Østland', 'Nordfjord', 'Sunnfjord', 'Nordby']);

/** Every prefix+suffix pair that reads well (no doubled letter at the seam) and is no real place, in a seeded order. */
export function shuffledNames(rng: Random, suffixes: readonly string[]): string[] {
  const names = namePrefixes
    .flatMap((p) => suffixes.filter((s) => s[0] !== p.at(-1)).map((s) => p + s))
    .filter((n) => !realNames.has(n));
  for (let i = names.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names;
}
