/** cases: the case export, one row per case in its latest state. */
import { column, type KindSpec } from './types.ts';
import { caseKind, challenges, legalArea, outcome } from './vocabularies.ts';

const individualOnly = (name: string, label: string) => ({
  column: name,
  broken: `${name} IS NOT NULL AND kind <> 'individual'`,
  reason: `${label} skal bare fylles ut for individsaker (sakstype individual)`,
});

export const cases: KindSpec = {
  kind: 'cases',
  columns: [
    column('case_id', { t: 'id' }, { required: true, aliases: ['sak_id', 'arende_id'] }),
    column('school_id', { t: 'id' }, { required: true, aliases: ['skole_id', 'skolenhetskod', 'skolenhet_id'] }),
    column('kind', { t: 'vocab', vocab: caseKind }, { required: true, aliases: ['sakstype', 'arendetyp'] }),
    column('first_concern_date', { t: 'date' }, { required: true, aliases: ['forste_bekymring', 'forsta_oro'] }),
    column('reported_date', { t: 'date' }, { aliases: ['meldt_dato', 'anmald_datum'] }),
    column('consent_date', { t: 'date' }, { aliases: ['samtykke_dato', 'samtycke_datum'] }),
    column('grade', { t: 'integer', min: 1, max: 10 }, { aliases: ['trinn', 'arskurs'] }),
    column('topic', { t: 'code' }, { aliases: ['tema'] }),
    column('legal_area', { t: 'vocab', vocab: legalArea }, { aliases: ['lovomrade'] }),
    column('challenges', { t: 'list', vocab: challenges }, { aliases: ['utfordringer'] }),
    column('student_ref', { t: 'pseudonym' }, { aliases: ['elev_ref'] }),
    column('closed_date', { t: 'date' }, { aliases: ['avsluttet_dato', 'avslutat_datum'] }),
    column('outcome', { t: 'vocab', vocab: outcome }, { aliases: ['utfall'] }),
  ],
  key: ['case_id'],
  foreignKeys: [{ column: 'school_id', references: 'schools' }],
  rules: [
    {
      column: 'outcome',
      broken: `closed_date IS NOT NULL AND outcome IS NULL`,
      reason: 'avsluttet_dato er fylt ut, men utfall mangler (begge eller ingen må fylles ut)',
    },
    {
      column: 'closed_date',
      broken: `closed_date IS NULL AND outcome IS NOT NULL`,
      reason: 'utfall er fylt ut, men avsluttet_dato mangler (begge eller ingen må fylles ut)',
    },
    {
      column: 'closed_date',
      broken: `closed_date < first_concern_date`,
      reason: 'avsluttet_dato er før første bekymring',
    },
    {
      column: 'reported_date',
      broken: `reported_date < first_concern_date`,
      reason: 'meldt_dato er før første bekymring',
    },
    individualOnly('student_ref', 'elev_ref'),
    individualOnly('consent_date', 'samtykke_dato'),
    individualOnly('challenges', 'utfordringer'),
  ],
};
