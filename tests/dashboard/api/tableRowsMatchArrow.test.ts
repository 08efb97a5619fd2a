/**
 * The dashboard reads tables as JSON since issue 9 (api/tableRows.ts); before, it read the
 * same answers as Arrow IPC. The views must see the same rows: for every table the
 * dashboard asks for, the real app's JSON through tableRows equals its Arrow stream decoded
 * by apache-arrow, except that Arrow fills a column a row does not have (a total's school and
 * municipality) with null where JSON leaves it out.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../../dashboard/api/tableRows.ts';
import { startSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';

let app: SampleApp;

beforeAll(async () => {
  app = await startSampleApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const period = 'from=2025-08-01&to=2026-07-31&asOf=2026-07-31';
const tables = [
  `/api/figures?${period}&by=school&municipality=Fjordvik`,
  `/api/figures?${period}&by=municipality`,
  `/api/series/monthly?${period}&by=school&municipality=Fjordvik`,
  `/api/series/monthly?${period}&municipality=Fjordvik`,
  `/api/series/durations?${period}&municipality=Fjordvik`,
  `/api/series/durations?${period}&by=municipality`,
  `/api/series/survival?${period}&municipality=Fjordvik`,
];

/** Arrow's row without the columns that are null there and absent from the JSON row. */
const withoutFilledNulls = (arrow: Record<string, unknown>, json: Record<string, unknown>) => Object.fromEntries(Object.entries(arrow).filter(([k, v]) => k in json || v !== null));

describe('tables as JSON rows equal the Arrow rows the dashboard read before', () => {
  for (const path of tables) {
    it(path, async () => {
      const json = (await (await fetch(`${app.url}${path}`)).json()) as Record<string, unknown>[];
      const arrow = tableFromIPC(new Uint8Array(await (await fetch(`${app.url}${path}&format=arrow`)).arrayBuffer()))
        .toArray()
        .map((row) => row.toJSON() as Record<string, unknown>);
      const rows = tableRows<Record<string, unknown>>(json);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBe(arrow.length);
      rows.forEach((row, i) => expect(row).toEqual(withoutFilledNulls(arrow[i]!, row)));
    });
  }
});
