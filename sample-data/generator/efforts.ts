/**
 * PPT's competence programmes. Each programme runs in rounds (a new cohort every few years);
 * a round is one competence effort with its own id, from September to the end of June.
 */
import type { CsvRow } from './csvWriter.ts';
import { dayOf, isoDate, type Day } from './days.ts';
import type { Topic } from './topics.ts';

interface Programme {
  readonly code: string;
  readonly name: string;
  readonly theme: Topic;
  /** 1 = everyone, 2 = some, 3 = few. */
  readonly tier: 1 | 2 | 3;
  readonly partner: string;
  readonly targetGroup: string;
  /** School years one round lasts, years between round starts, and the first round's offset. */
  readonly years: number;
  readonly period: number;
  readonly offset: number;
  /** Share of schools that join a round. */
  readonly reach: number;
}

export interface Effort {
  readonly id: string;
  readonly tier: 1 | 2 | 3;
  readonly reach: number;
  readonly start: Day;
  readonly end: Day;
  readonly row: CsvRow;
}

const programmes: readonly Programme[] = [
  { code: 'ALP', name: 'Alle på laget – klasseledelse', theme: 'klasseledelse', tier: 1, partner: 'PPT', targetGroup: 'Alle ansatte', years: 2, period: 4, offset: 0, reach: 0.6 },
  { code: 'TGM', name: 'Trygt og godt skolemiljø', theme: 'skolemiljo', tier: 2, partner: 'TGL', targetGroup: 'Ledelse og ressursteam', years: 2, period: 3, offset: 0, reach: 0.45 },
  { code: 'NUF', name: 'Nevroutviklingsforstyrrelser – nivådelt kurs', theme: 'nevroutvikling', tier: 3, partner: 'Statped', targetGroup: 'Ressursteam og kontaktlærere', years: 1, period: 2, offset: 0, reach: 0.3 },
  { code: 'SMB', name: 'Snakke med barn', theme: 'traumer', tier: 1, partner: 'RVTS', targetGroup: 'Alle ansatte', years: 1, period: 3, offset: 1, reach: 0.5 },
  { code: 'LSV', name: 'Lese- og skrivevansker i praksis', theme: 'dysleksi', tier: 2, partner: 'Statped', targetGroup: 'Spesialpedagoger og kontaktlærere', years: 1, period: 2, offset: 1, reach: 0.4 },
];

/** Every round that starts within the school years of the data, in order of start. */
export function efforts(firstStartYear: number, years: number): Effort[] {
  const lastStart = firstStartYear + years - 1;
  const rounds: Effort[] = [];
  for (const p of programmes) {
    for (let y = firstStartYear + p.offset; y <= lastStart; y += p.period) {
      const length = Math.min(p.years, lastStart + 1 - y);
      const id = `${p.code}-${y}`;
      const start = dayOf(y, 9, 1);
      const end = dayOf(y + length, 6, 30);
      rounds.push({
        id,
        tier: p.tier,
        reach: p.reach,
        start,
        end,
        row: {
          effort_id: id,
          name: p.name,
          theme: p.theme,
          tier: p.tier,
          partner: p.partner,
          start_date: isoDate(start),
          end_date: isoDate(end),
          target_group: p.targetGroup,
        },
      });
    }
  }
  return rounds.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}
