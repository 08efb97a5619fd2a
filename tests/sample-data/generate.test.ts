// The generator's promises: deterministic, committed sample up to date, every file in the
// contract's shape with zero contract breaks, and realistic in the ways the README claims.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../etl/contract/index.ts';
import { generate } from '../../sample-data/generate.ts';
import { loadFolder, type LoadedFolder } from './contractProblems.ts';
import { realismChecks } from './realismChecks.ts';

const committed = resolve(import.meta.dirname, '../../sample-data');
const temp = mkdtempSync(join(tmpdir(), 'rt-sample-data-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const read = (dir: string, kind: string) => readFileSync(join(dir, `${kind}.csv`));

describe('generate({ scale: "sample" })', () => {
  const dir = join(temp, 'sample');
  let folder: LoadedFolder;
  beforeAll(async () => {
    await generate({ scale: 'sample', out: dir });
    folder = await loadFolder(dir);
  });
  afterAll(() => folder.close());

  it.each(kinds.map((k) => k.kind))('the committed sample-data/%s.csv is what the default seed gives', (kind) => {
    expect(read(dir, kind).equals(read(committed, kind))).toBe(true);
  });

  it.each(kinds.map((k) => [k.kind, k.columns.map((c) => c.name).join(',')]))(
    '%s.csv starts with the canonical header, without BOM',
    (kind, header) => {
      const text = read(dir, kind).toString('utf8');
      expect(text.split('\n', 1)[0]).toBe(header);
    },
  );

  const swedishFiles = ['sv-skolenheter.csv', 'sv-moten.csv', 'sv-arenden.csv', 'sv-diskussioner.csv', 'sv-atgarder.csv', 'sv-arshjul.csv', 'sv-avvikelser.csv'];
  it.each(swedishFiles)('the committed sample-data/%s (the Swedish municipality) is what the default seed gives', (file) => {
    expect(readFileSync(join(dir, file)).equals(readFileSync(join(committed, file)))).toBe(true);
  });

  it('keeps the contract: types, vocabularies, keys, foreign keys and row rules', () => {
    expect(folder.problems).toEqual([]);
  });

  it.each(realismChecks)('$name', async ({ sql }) => {
    expect(await folder.count(sql)).toBe(0);
  });

  it('has three municipalities and twenty schools of every level, with æ, ø or å in names', async () => {
    expect(await folder.count(`SELECT count(DISTINCT municipality) FROM schools`)).toBe(3);
    expect(await folder.count(`SELECT count(*) FROM schools`)).toBe(20);
    expect(await folder.count(`SELECT count(DISTINCT level) FROM schools`)).toBe(3);
    expect(await folder.count(`SELECT count(*) FROM schools WHERE regexp_matches(school_name || municipality, '[æøåÆØÅ]')`)).toBeGreaterThan(0);
  });

  it('spans the school years 2024/25 and 2025/26 with every kind of case, open cases at the end', async () => {
    expect(await folder.count(`SELECT count(*) FROM meetings WHERE date < DATE '2024-08-01'`)).toBe(0);
    expect(await folder.count(`SELECT count(DISTINCT year(date - INTERVAL 7 MONTH)) FROM meetings`)).toBe(2);
    expect(await folder.count(`SELECT count(DISTINCT kind) FROM cases`)).toBe(3);
    expect(await folder.count(`SELECT count(DISTINCT outcome) FROM cases`)).toBe(3);
    expect(await folder.count(`SELECT count(*) FROM cases WHERE closed_date IS NULL`)).toBeGreaterThan(50);
  });

  it('cancels about one meeting in twenty', async () => {
    const cancelled = await folder.count(`SELECT round(1000 * avg((status = 'cancelled')::INTEGER)) FROM meetings`);
    expect(cancelled).toBeGreaterThan(20);
    expect(cancelled).toBeLessThan(90);
  });

  it('has a small school with fewer than 5 cases about a pupil in every school year', async () => {
    const perYear = `SELECT school_id, year(first_concern_date - INTERVAL 7 MONTH) AS y, count(*) AS n
                     FROM cases WHERE kind <> 'system' GROUP BY ALL`;
    expect(await folder.count(`SELECT count(DISTINCT school_id) FROM schools s WHERE NOT EXISTS (
      SELECT 1 FROM (${perYear}) p WHERE p.school_id = s.school_id AND p.n >= 5)`)).toBe(1);
  });

  it('usually has consent before the first discussion and a tested measure before a PPT referral', async () => {
    const consentBefore = await folder.count(`SELECT round(100 * avg((consent_date <= first)::INTEGER)) FROM cases c
      JOIN (SELECT case_id, min(m.date) AS first FROM discussions JOIN meetings m USING (meeting_id) GROUP BY 1) USING (case_id)
      WHERE kind = 'individual'`);
    expect(consentBefore).toBeGreaterThan(60);
    expect(consentBefore).toBeLessThan(95);
    const tested = await folder.count(`SELECT round(100 * avg((EXISTS (SELECT 1 FROM measures m WHERE m.case_id = c.case_id
      AND m.evaluated_date <= c.closed_date))::INTEGER)) FROM cases c WHERE outcome = 'referred_ppt' AND kind = 'individual'`);
    expect(tested).toBeGreaterThan(55);
    expect(tested).toBeLessThan(98);
  });

  it('follows the year wheel mostly: some meetings a few days off the plan, some plans never held', async () => {
    const plans = `SELECT y.school_id, y.date,
                     EXISTS (SELECT 1 FROM meetings m WHERE m.school_id = y.school_id AND m.status = 'held' AND m.date = y.date) AS on_the_day,
                     EXISTS (SELECT 1 FROM meetings m WHERE m.school_id = y.school_id AND m.status = 'held' AND abs(m.date - y.date) <= 3) AS held
                   FROM yearwheel y WHERE y.activity = 'meeting'`;
    expect(await folder.count(`SELECT count(*) FROM (${plans}) WHERE held AND NOT on_the_day`)).toBeGreaterThan(50);
    const missedPerMille = await folder.count(`SELECT round(1000 * avg((NOT held)::INTEGER)) FROM (${plans})`);
    expect(missedPerMille).toBeGreaterThan(20);
    expect(missedPerMille).toBeLessThan(150);
  });

  it('plans an annual review every school year, survey reviews and system themes, and TGL visits that TGL attends', async () => {
    const perSchoolYear = (activity: string) =>
      folder.count(`SELECT count(*) FROM (SELECT DISTINCT school_id, year(date - INTERVAL 7 MONTH) FROM yearwheel WHERE activity = '${activity}')`);
    expect(await perSchoolYear('annual_review')).toBe(40);
    expect(await perSchoolYear('survey_review')).toBe(40);
    expect(await perSchoolYear('system_theme')).toBeGreaterThan(20);
    expect(await folder.count(`SELECT count(*) FROM yearwheel WHERE activity = 'tgl_visit'`)).toBeGreaterThan(20);
    expect(await folder.count(`SELECT count(*) FROM meetings WHERE list_contains(participants, 'tgl')`)).toBeGreaterThan(40);
  });

  it('lets schools differ in waiting time, system work and referrals', async () => {
    const spread = (expr: string, filter: string) =>
      folder.count(`SELECT round(max(v) - min(v)) FROM (SELECT school_id, ${expr} AS v FROM cases c
                    WHERE ${filter} GROUP BY 1 HAVING count(*) >= 20)`);
    expect(await spread('median(closed_date - first_concern_date)', `kind <> 'system'`)).toBeGreaterThan(40);
    expect(await spread(`100 * avg((outcome = 'referred_ppt')::INTEGER)`, `kind = 'individual' AND outcome IS NOT NULL`)).toBeGreaterThan(20);
    expect(await folder.count(`SELECT round(max(v) - min(v)) FROM (SELECT avg(system_minutes) v FROM meetings GROUP BY school_id)`)).toBeGreaterThan(30);
  });
});

describe('generate({ scale: { schools: 30, years: 2 } })', () => {
  const slice = { schools: 30, years: 2 };
  let folder: LoadedFolder;
  beforeAll(async () => {
    await generate({ scale: slice, out: join(temp, 'a'), seed: 7 });
    await generate({ scale: slice, out: join(temp, 'b'), seed: 7 });
    await generate({ scale: slice, out: join(temp, 'c'), seed: 8 });
    folder = await loadFolder(join(temp, 'a'));
  });
  afterAll(() => folder.close());

  it('gives byte-identical files for the same seed and different files for another', () => {
    for (const { kind } of kinds) expect(read(join(temp, 'a'), kind).equals(read(join(temp, 'b'), kind)), kind).toBe(true);
    expect(read(join(temp, 'a'), 'cases').equals(read(join(temp, 'c'), 'cases'))).toBe(false);
  });

  it('keeps the contract', () => {
    expect(folder.problems).toEqual([]);
  });

  it.each(realismChecks)('$name', async ({ sql }) => {
    expect(await folder.count(sql)).toBe(0);
  });

  it('has the asked number of schools in about four municipalities', async () => {
    expect(await folder.count(`SELECT count(*) FROM schools`)).toBe(30);
    expect(await folder.count(`SELECT count(DISTINCT municipality) FROM schools`)).toBe(4);
  });
});
