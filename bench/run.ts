/**
 * `npm run bench` (not part of `npm test`): national-scale import and figure timings.
 * `npm run --silent bench -- --json` prints one JSON object; otherwise a readable summary.
 * Targets (issues 2, 9 and 10): import ≥ 1/3 the speed of DuckDB's own read_csv; one municipality
 * and school year p95 ≤ 25 ms; national breakdown by municipality ≤ 500 ms (both as the
 * dashboard asks for an ended school year, after the year figures are built as a server builds
 * them; the same computed live is reported beside them, see timeFigures.ts); one command-line
 * `figures` call ≤ 1 s, process start included. Load: 100 users for 30 s, p99 ≤ 300 ms with
 * no errors, p99 ≤ 1,000 ms while an import runs. The rector's page (issue 10): one school's
 * follow-up (also as GET /api/followup answers its rector) and year wheel for a school year,
 * p95 ≤ 50 ms each.
 */
import { join } from 'node:path';
import { openDatabase } from '../etl/db/openDatabase.ts';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { nationalFiles } from './nationalData.ts';
import { timeCliFigures } from './timeCliFigures.ts';
import { timeDashboard } from './timeDashboard.ts';
import { timeFigures, timeYearFigures } from './timeFigures.ts';
import { timeFollowUp } from './timeFollowUp.ts';
import { timeImport, timeNativeReadCsv } from './timeImport.ts';
import { timeLoad } from './timeLoad.ts';

const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};
const benchDir = join(projectRoot, 'data', 'bench');

const files = await nationalFiles(log);
log(`Filer: ${files.length} i data/bench-national/`);

log('DuckDB read_csv (fysisk grense) …');
const nativeSeconds = await timeNativeReadCsv(files, join(benchDir, 'native.duckdb'));
log(`  ${nativeSeconds.toFixed(1)} s`);

log('Full validert import …');
const dbPath = join(benchDir, 'national.duckdb');
const imported = await timeImport(files, dbPath);
log(`  ${imported.seconds.toFixed(1)} s for ${imported.rows.toLocaleString('nb-NO')} rader (${imported.rejected} avvist)`);

const db = await openDatabase(dbPath);
log('Årstall for avsluttede skoleår (som serveren lager etter en import) …');
const yearFigures = await timeYearFigures(db.connection);
log(`  ${yearFigures.year_figures_build_s.toFixed(1)} s for ${yearFigures.year_figures_years} skoleår`);
log('Nøkkeltall …');
const figures = await timeFigures(db.connection);
log('Oppfølging og årshjul …');
const side = await db.instance.connect();
const followUp = await timeFollowUp(db.connection, side);
side.closeSync();
const load = await timeLoad(db.instance, files, { connections: 100, seconds: 30 }, log);
db.close();
log('Kommandolinje (figures) …');
const cli = await timeCliFigures(dbPath);

const dashboard = await timeDashboard(dbPath, log);

const result = {
  rows: imported.rows,
  import_s: imported.seconds,
  native_read_csv_s: nativeSeconds,
  import_vs_native: imported.seconds / nativeSeconds,
  import_rows_per_s: imported.rows / imported.seconds,
  ...yearFigures,
  ...figures,
  ...followUp,
  ...load,
  ...cli,
  ...dashboard,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
};

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const ok = (met: boolean) => (met ? 'nådd' : 'IKKE nådd');
  log('');
  log(`Import:            ${result.import_s.toFixed(1)} s, ${Math.round(result.import_rows_per_s).toLocaleString('nb-NO')} rader/s`);
  log(`DuckDB read_csv:   ${result.native_read_csv_s.toFixed(1)} s  → import er ${result.import_vs_native.toFixed(2)}× (mål ≤ 3×: ${ok(result.import_vs_native <= 3)})`);
  log(`Kommune, skoleår:  p50 ${result.municipality_year_p50_ms.toFixed(1)} ms, p95 ${result.municipality_year_p95_ms.toFixed(1)} ms (mål ≤ 25 ms: ${ok(result.municipality_year_p95_ms <= 25)})`);
  log(`  beregnet (ikke lagret): p50 ${result.municipality_year_live_p50_ms.toFixed(1)} ms, p95 ${result.municipality_year_live_p95_ms.toFixed(1)} ms; nasjonalt ${result.national_by_municipality_live_ms.toFixed(0)} ms`);
  log(`Oppfølging, skole og skoleår: p95 ${result.followup_school_year_p95_ms.toFixed(1)} ms (mål ≤ 50 ms: ${ok(result.followup_school_year_p95_ms <= 50)})`);
  log(`/api/followup som skolens rektor: p95 ${result.followup_answer_school_year_p95_ms.toFixed(1)} ms (mål ≤ 50 ms: ${ok(result.followup_answer_school_year_p95_ms <= 50)})`);
  log(`Årshjul, skole og skoleår: p95 ${result.yearwheel_school_year_p95_ms.toFixed(1)} ms (mål ≤ 50 ms: ${ok(result.yearwheel_school_year_p95_ms <= 50)})`);
  log(`Nasjonalt per kommune: ${result.national_by_municipality_ms.toFixed(0)} ms (mål ≤ 500 ms: ${ok(result.national_by_municipality_ms <= 500)})`);
  log(`figures på kommandolinjen: ${result.cli_figures_s.toFixed(2)} s (mål ≤ 1 s: ${ok(result.cli_figures_s <= 1)})`);
  log(`Last, 100 brukere: ${result.load_rps.toFixed(0)} req/s, p50 ${result.load_p50_ms} ms, p99 ${result.load_p99_ms} ms, feil ${result.load_errors} (mål p99 ≤ 300 ms og 0 feil: ${ok(result.load_p99_ms <= 300 && result.load_errors === 0)})`);
  log(`Last under import: p99 ${result.load_p99_during_import_ms} ms, feil ${result.load_errors_during_import} (mål ≤ 1 000 ms: ${ok(result.load_p99_during_import_ms <= 1000)})`);
  if (dashboard.first_chart_ms !== undefined) {
    log(`Første diagram:    ${dashboard.first_chart_ms.toFixed(0)} ms (mål ≤ 1 000 ms: ${ok(dashboard.first_chart_ms <= 1000)})`);
    log(`Største svar:      ${dashboard.largest_response_bytes} byte`);
  }
  log(`Maks minne (RSS):  ${result.peak_rss_mb.toFixed(0)} MB`);
}
