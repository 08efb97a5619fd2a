import { describe, expect, it } from 'vitest';
import { kinds, kindSpec } from '../../../etl/contract/index.ts';
import type { KindName } from '../../../etl/contract/types.ts';
import { detectKind } from '../../../etl/read/detectKind.ts';
import { norwegianHeaders } from '../../helpers/contractRows.ts';

const kindNames = kinds.map((k) => k.kind);

function detected(names: readonly string[], explicit?: KindName) {
  const result = detectKind(names, explicit);
  if (!result.ok) throw new Error(`expected a kind, got: ${result.reason}`);
  return result.mapping;
}

describe('detectKind', () => {
  it.each(kindNames)('detectKind recognises %s from all its canonical headers', (kind) => {
    const names = kindSpec(kind).columns.map((c) => c.name);
    const mapping = detected(names);
    expect(mapping.spec.kind).toBe(kind);
    expect([...mapping.positions.entries()]).toEqual(names.map((n, i) => [n, i]));
    expect(mapping.ignoredColumns).toEqual([]);
  });

  it.each(kindNames)('detectKind recognises %s from its required canonical headers only', (kind) => {
    const names = kindSpec(kind).columns.filter((c) => c.required).map((c) => c.name);
    expect(detected(names).spec.kind).toBe(kind);
  });

  it.each(kindNames)('detectKind recognises %s from Norwegian headers with odd case, spaces and æøå', (kind) => {
    const columns = kindSpec(kind).columns.map((c) => c.name);
    const names = columns.map((c) => norwegianHeaders[kind][c]!);
    const mapping = detected(names);
    expect(mapping.spec.kind).toBe(kind);
    expect([...mapping.positions.entries()]).toEqual(columns.map((c, i) => [c, i]));
    expect(mapping.headerNames).toEqual(names);
  });

  // Every alias of the contract, upper-cased with spaces for underscores, in reverse column order.
  const aliasCases = kinds.flatMap((spec) =>
    spec.columns.flatMap((column) => column.aliases.map((alias) => ({ kind: spec.kind, column: column.name, alias }))),
  );
  it.each(aliasCases)('detectKind maps the $kind alias $alias to $column', ({ kind, column, alias }) => {
    const spec = kindSpec(kind);
    const names = spec.columns.map((c) => (c.name === column ? alias.toUpperCase().replaceAll('_', ' ') : c.name)).reverse();
    const mapping = detected(names);
    expect(mapping.spec.kind).toBe(kind);
    expect(mapping.positions.get(column)).toBe(names.length - 1 - spec.columns.findIndex((c) => c.name === column));
  });

  // Swedish headers share names with other kinds (datum, status, kategori): the kind is still unique.
  it.each([
    { kind: 'schools', names: ['Skolenhetskod', 'Skolenhet', 'Kommun', 'Kommunkod', 'Antal elever', 'Antal personal'] },
    { kind: 'meetings', names: ['MöteID', 'Skolenhetskod', 'Datum', 'Status', 'Minuter system', 'Minuter individ', 'Agenda skickad', 'Referat', 'Deltagare'] },
    { kind: 'cases', names: ['Ärende_ID', 'Skolenhetskod', 'Ärendetyp', 'Första oro', 'Anmäld datum', 'Samtycke datum', 'Årskurs', 'Tema', 'Elev_ref', 'Avslutat datum', 'Utfall'] },
    { kind: 'discussions', names: ['MöteID', 'Ärende_ID'] },
    { kind: 'measures', names: ['Åtgärd_ID', 'Ärende_ID', 'Åtgärdsnivå', 'Kategori', 'Ansvarig', 'Påbörjad', 'Utvärderingsdatum', 'Utvärderad', 'Personal nytta'] },
    { kind: 'yearwheel', names: ['Skolenhetskod', 'Datum', 'Aktivitet', 'Tema', 'Titel'] },
    { kind: 'deviations', names: ['Avvikelse_ID', 'Skolenhetskod', 'Datum', 'Verksamheter', 'Kategori', 'Principiell', 'Rapporterad', 'Besvarad', 'Åtgärdad'] },
    { kind: 'deviations', names: ['Avvik_ID', 'Skole_ID', 'Dato', 'Instanser', 'Kategori', 'Prinsipiell', 'Eskalert', 'Besvart', 'Lukket'] },
  ] as const)('detectKind recognises $kind from Swedish (or Norwegian) export headers, every column mapped', ({ kind, names }) => {
    const mapping = detected(names);
    expect(mapping.spec.kind).toBe(kind);
    expect(mapping.ignoredColumns).toEqual([]);
    expect(mapping.positions.size).toBe(names.length);
  });

  it('detectKind lists extra columns by their original name and never maps them', () => {
    const mapping = detected(['case_id', ' Beskrivelse ', 'school_id', 'kind', 'first_concern_date', 'Elevnavn', 'student_ref']);
    expect(mapping.spec.kind).toBe('cases');
    expect(mapping.ignoredColumns).toEqual(['Beskrivelse', 'Elevnavn']);
    expect([...mapping.positions.values()]).not.toContain(1);
    expect([...mapping.positions.values()]).not.toContain(5);
  });

  it('detectKind does not list an unnamed (empty) header column as ignored', () => {
    expect(detected(['school_id', 'school_name', 'municipality', '']).ignoredColumns).toEqual([]);
  });

  it.each([
    { name: 'an unknown header', names: ['foo', 'bar'], reason: /^ukjent filtype: ingen av overskriftene er kolonnenavn fra datakontrakten \(mangler filen overskriftsrad\?\)$/ },
    {
      name: 'a header missing a required column',
      names: ['school_id', 'school_name'],
      reason: /^ukjent filtype: overskriftene passer ikke med noen filtype i datakontrakten \(nærmest schools, som mangler kolonnen municipality\)$/,
    },
    {
      name: 'a header missing two required columns',
      names: ['meeting_id', 'status'],
      reason: /^ukjent filtype: overskriftene passer ikke med noen filtype i datakontrakten \(nærmest meetings, som mangler kolonnene school_id, date\)$/,
    },
    { name: 'a column given twice (code and alias)', names: ['school_id', 'skole_id', 'school_name', 'municipality'], reason: /mer enn én gang: skole_id/ },
  ])('detectKind gives a reason for $name', ({ names, reason }) => {
    const result = detectKind(names);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('detectKind on a file without a header row (data where the header should be) repeats none of it', () => {
    // A first row of data: a case id, a school, a name, a national identity number and a date.
    const firstRow = ['SAK-17', 'S1', 'Ola Nordmann', '030405 12399', '12.03.2014'];
    const result = detectKind(firstRow);
    expect(result).toEqual({ ok: false, reason: 'ukjent filtype: ingen av overskriftene er kolonnenavn fra datakontrakten (mangler filen overskriftsrad?)' });
  });

  it('detectKind with an explicit kind names the missing required columns', () => {
    const result = detectKind(['meeting_id', 'dato'], 'meetings');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/mangler påkrevde kolonner for meetings: school_id/) });
  });

  it('detectKind with an explicit kind uses it even when the header fits another kind better', () => {
    const names = kindSpec('meetings').columns.map((c) => c.name);
    expect(detected(names, 'meetings').spec.kind).toBe('meetings');
    expect(detectKind(['school_id', 'date', 'activity'], 'meetings').ok).toBe(false);
  });

  it('detectKind takes the Norwegian example header of motelogg.csv as meetings', () => {
    const names = ['Møte_ID', 'Skole_ID', 'Dato', 'Status', 'Minutter_system', 'Minutter_individ', 'Agenda_sendt', 'Referat', 'Deltakere'];
    const mapping = detected(names);
    expect(mapping.spec.kind).toBe('meetings');
    expect(mapping.positions.size).toBe(9);
  });
});
