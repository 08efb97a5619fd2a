/** A small /api/meta answer for the dashboard's unit tests: two municipalities, four schools. */
import type { Meta } from '../../dashboard/api/types.ts';
import { figureSpecs } from '../../etl/figures/figureKeys.ts';

export const metaFixture: Meta = {
  schools: [
    { school_id: 'A1', school_name: 'Åsen skole', municipality: 'Alfa', level: 'barneskole', scoped: true },
    { school_id: 'A2', school_name: 'Bakken ungdomsskole', municipality: 'Alfa', level: 'ungdomsskole', scoped: true },
    { school_id: 'B1', school_name: 'Elvetun skole', municipality: 'Beta', level: 'kombinert', scoped: true },
    { school_id: 'B2', school_name: 'Furuly skole', municipality: 'Beta', level: 'barneskole', scoped: true },
  ],
  municipalities: ['Alfa', 'Beta'],
  span: { first_date: '2024-08-19', last_date: '2026-06-22' },
  asOf: '2026-11-23',
  suppression: { threshold: 5 },
  figures: figureSpecs.filter((s) => !s.key.startsWith('deviation')),
  deviation_figures: figureSpecs.filter((s) => s.key.startsWith('deviation')),
};
