import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../etl/read/normaliseName.ts';

describe('normaliseName', () => {
  it.each([
    { input: 'Passiv / stille', expected: 'passiv_stille' },
    { input: 'Gjennomført', expected: 'gjennomfort' },
    { input: 'Møte_ID', expected: 'mote_id' },
    { input: 'Antall elever', expected: 'antall_elever' },
    { input: 'Antall  ansatte', expected: 'antall_ansatte' },
    { input: '  Skole_ID  ', expected: 'skole_id' },
    { input: 'SKOLENAVN', expected: 'skolenavn' },
    { input: 'Lovområde', expected: 'lovomrade' },
    { input: 'Første bekymring', expected: 'forste_bekymring' },
    { input: 'Målgruppe', expected: 'malgruppe' },
    { input: 'Nærvær', expected: 'naervaer' },
    { input: 'ÆØÅ', expected: 'aeoa' },
    { input: 'Henvist PPT', expected: 'henvist_ppt' },
    { input: 'Henvist-annen', expected: 'henvist_annen' },
    { input: 'a - b / c', expected: 'a_b_c' },
    { input: 'Skole-ID', expected: 'skole_id' },
    { input: 'Minutter\tsystem', expected: 'minutter_system' },
    { input: 'tgl_besøk', expected: 'tgl_besok' },
    { input: 'Årlig evaluering', expected: 'arlig_evaluering' },
    { input: 'kap11', expected: 'kap11' },
    { input: 'Skolenhetskod', expected: 'skolenhetskod' },
    { input: 'Ärende-ID', expected: 'arende_id' },
    { input: 'Åtgärdsnivå', expected: 'atgardsniva' },
    { input: 'Utvärderad', expected: 'utvarderad' },
    { input: 'Påbörjad', expected: 'paborjad' },
    { input: 'Första oro', expected: 'forsta_oro' },
    { input: 'MöteID', expected: 'moteid' },
    { input: 'GENOMFÖRT', expected: 'genomfort' },
    { input: 'Hälso- och sjukvård', expected: 'halso_och_sjukvard' },
    { input: 'Studie- och yrkesvägledare', expected: 'studie_och_yrkesvagledare' },
    { input: 'ÄÖÅÉ', expected: 'aoae' },
    { input: 'Café', expected: 'cafe' },
    { input: '', expected: '' },
  ])("normaliseName('$input') is '$expected'", ({ input, expected }) => {
    expect(normaliseName(input)).toBe(expected);
  });
});
