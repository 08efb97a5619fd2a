/**
 * The sample scale: three fictional municipalities with twenty schools, each given a
 * character so the dashboard has differences to show (see sample-data/README.md).
 */
import type { ProfileTraits } from './profile.ts';
import { Random } from './random.ts';
import { drawCalendarVariant, drawStaff, type Municipality, type School } from './school.ts';
import { drawProfile } from './profile.ts';
import { schoolId } from './ids.ts';
import type { SchoolLevel } from './topics.ts';
import { littleSystemWork, longWaits, looseRoutines, strongSystemWork } from './traits.ts';

interface SampleSchool {
  readonly name: string;
  readonly level: SchoolLevel;
  readonly students: number;
  readonly traits?: readonly ProfileTraits[];
}

/** A tiny island school: the team meets every other week and takes up two pupils a year. */
const tinySchool: ProfileTraits = { biweekly: true, pupilCasesPerYear: [2, 2], systemCasesPerYear: 1.5 };

const sample: readonly { name: string; code: string; schools: readonly SampleSchool[] }[] = [
  {
    name: 'Fjordvik',
    code: '9901',
    schools: [
      { name: 'Havblikk skole', level: 'barneskole', students: 420, traits: [strongSystemWork] },
      { name: 'Kaibakken skole', level: 'barneskole', students: 310, traits: [longWaits] },
      { name: 'Måkeberget skole', level: 'barneskole', students: 265, traits: [looseRoutines] },
      { name: 'Fjordvik ungdomsskole', level: 'ungdomsskole', students: 480, traits: [{ outcomeWeights: [48, 42, 10] }] },
      { name: 'Tåkeheia skole', level: 'barneskole', students: 190 },
      { name: 'Sjøbris ungdomsskole', level: 'ungdomsskole', students: 350, traits: [{ topicBoost: { fravaer: 2.5, psykisk_helse: 2 } }] },
      { name: 'Lyngmo skole', level: 'kombinert', students: 540, traits: [{ topicBoost: { flersprak: 4 } }] },
      { name: 'Strandløkka skole', level: 'barneskole', students: 380, traits: [littleSystemWork] },
      { name: 'Rognlia skole', level: 'barneskole', students: 150, traits: [{ topicBoost: { dysleksi: 2.5, kartlegging: 1.5 } }] },
      { name: 'Bølgen ungdomsskole', level: 'ungdomsskole', students: 410 },
    ],
  },
  {
    name: 'Lauvåsen',
    code: '9902',
    schools: [
      { name: 'Lauvåsen skole', level: 'kombinert', students: 300 },
      { name: 'Granstua skole', level: 'barneskole', students: 210, traits: [littleSystemWork] },
      { name: 'Elvebrekka skole', level: 'barneskole', students: 170, traits: [{ anonymousShare: 0.4 }] },
      { name: 'Lauvåsen ungdomsskole', level: 'ungdomsskole', students: 280, traits: [longWaits] },
      { name: 'Myrhaugen skole', level: 'barneskole', students: 95, traits: [{ cancelRate: 0.14 }] },
      { name: 'Furulund skole', level: 'kombinert', students: 230, traits: [{ outcomeWeights: [82, 9, 9] }] },
    ],
  },
  {
    name: 'Bjørkestrand',
    code: '9903',
    schools: [
      { name: 'Bjørkestrand skole', level: 'kombinert', students: 260 },
      { name: 'Øvre Dal skole', level: 'barneskole', students: 70, traits: [looseRoutines] },
      { name: 'Kvernhusøya skole', level: 'kombinert', students: 24, traits: [tinySchool] },
      { name: 'Solbærtun skole', level: 'barneskole', students: 120, traits: [strongSystemWork] },
    ],
  },
];

export function sampleSchools(seed: number): School[] {
  const schools: School[] = [];
  sample.forEach((m, mi) => {
    const municipality: Municipality = {
      name: m.name,
      code: m.code,
      calendar: drawCalendarVariant(Random.derive(seed, 'municipality', mi)),
    };
    m.schools.forEach((s, si) => {
      const rng = Random.derive(seed, 'school-profile', schools.length);
      schools.push({
        index: schools.length,
        id: schoolId(mi + 1, si + 1),
        name: s.name,
        municipality,
        level: s.level,
        students: s.students,
        staff: drawStaff(rng, s.students),
        profile: drawProfile(rng, s.level, s.students, s.traits),
      });
    });
  });
  return schools;
}
