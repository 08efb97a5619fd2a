/**
 * The national scale: a country-sized set of made-up municipalities (a few large, most
 * small) and schools with the level mix and sizes of Norwegian primary education.
 */
import { schoolId } from './ids.ts';
import { shuffledNames, municipalitySuffixes, schoolSuffixes } from './names.ts';
import { drawProfile, type ProfileTraits } from './profile.ts';
import { Random } from './random.ts';
import { drawCalendarVariant, drawStaff, type Municipality, type School } from './school.ts';
import type { SchoolLevel } from './topics.ts';
import { littleSystemWork, nationalTraitOdds, strongSystemWork } from './traits.ts';

/** Schools per municipality: log-normal sizes, at least one each, summing to `schools`. */
export function municipalitySizes(rng: Random, municipalities: number, schools: number): number[] {
  if (municipalities < 1 || schools < municipalities) {
    throw new Error(`need at least one school per municipality (got ${schools} schools, ${municipalities} municipalities)`);
  }
  const weights = Array.from({ length: municipalities }, () => rng.logNormal(1, 1.1));
  const total = weights.reduce((a, b) => a + b, 0);
  const spare = schools - municipalities;
  const exact = weights.map((w) => (w / total) * spare);
  const sizes = exact.map((x) => 1 + Math.floor(x));
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = schools - sizes.reduce((a, b) => a + b, 0);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  return sizes;
}

const studentsByLevel: Readonly<Record<SchoolLevel, readonly [number, number, number, number]>> = {
  barneskole: [230, 0.55, 15, 750],
  ungdomsskole: [300, 0.45, 40, 800],
  kombinert: [160, 0.7, 12, 900],
};

function drawLevel(rng: Random, schoolsInMunicipality: number): SchoolLevel {
  if (schoolsInMunicipality === 1) return 'kombinert';
  return (['barneskole', 'ungdomsskole', 'kombinert'] as const)[rng.weighted([0.6, 0.17, 0.23])] ?? 'barneskole';
}

function drawTraits(rng: Random): ProfileTraits[] {
  const traits = nationalTraitOdds.filter(([, p]) => rng.chance(p)).map(([t]) => t);
  return traits.includes(littleSystemWork) ? traits.filter((t) => t !== strongSystemWork) : traits;
}

function schoolName(place: string, level: SchoolLevel, rng: Random): string {
  if (level === 'ungdomsskole') return `${place} ungdomsskole`;
  if (level === 'barneskole' && rng.chance(0.3)) return `${place} barneskole`;
  return `${place} skole`;
}

export function nationalSchools(seed: number, schoolCount: number, municipalityCount: number): School[] {
  const rng = Random.derive(seed, 'national');
  const sizes = municipalitySizes(rng, municipalityCount, schoolCount);
  const municipalityNames = shuffledNames(rng, municipalitySuffixes);
  if (municipalityCount > municipalityNames.length || municipalityCount > 999) {
    throw new Error(`at most ${Math.min(999, municipalityNames.length)} municipalities (got ${municipalityCount})`);
  }
  const schools: School[] = [];
  sizes.forEach((size, mi) => {
    const municipality: Municipality = {
      name: municipalityNames[mi] as string,
      code: String(9001 + mi),
      calendar: drawCalendarVariant(Random.derive(seed, 'municipality', mi)),
    };
    const places = shuffledNames(Random.derive(seed, 'places', mi), schoolSuffixes);
    for (let si = 0; si < size; si++) {
      const srng = Random.derive(seed, 'school-profile', schools.length);
      const level = drawLevel(srng, size);
      const [median, sigma, min, max] = studentsByLevel[level];
      const students = Math.round(Math.min(max, Math.max(min, srng.logNormal(median, sigma))));
      schools.push({
        index: schools.length,
        id: schoolId(mi + 1, si + 1),
        name: schoolName(places[si % places.length] as string, level, srng),
        municipality,
        level,
        students,
        staff: drawStaff(srng, students),
        profile: drawProfile(srng, level, students, drawTraits(srng)),
      });
    }
  });
  return schools;
}
