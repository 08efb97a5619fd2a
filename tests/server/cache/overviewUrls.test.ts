/**
 * The overview's calls the warmer computes ahead (server/cache/overviewUrls.ts): the same six
 * URLs the dashboard asks for when it opens (written out by hand, as tests/browser/firstLoad
 * sees Chromium ask for them), in the default period the dashboard picks.
 */
import { describe, expect, it } from 'vitest';
import { defaultOverviewPeriod, overviewUrls } from '../../../server/cache/overviewUrls.ts';

describe('overviewUrls', () => {
  it('asks for the six calls of the overview, in the dashboard’s default period', () => {
    const span = { first_date: '2023-08-14', last_date: '2026-06-22' };
    expect(overviewUrls(span, '2026-11-23', 'Fjordvik').sort()).toEqual(
      [
        '/api/figures?asOf=2026-07-31&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
        '/api/figures?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
        '/api/series/durations?asOf=2026-07-31&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
        '/api/series/monthly?asOf=2026-07-31&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
        '/api/series/monthly?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
        '/api/series/survival?asOf=2026-07-31&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
      ].sort(),
    );
  });

  it('writes a municipality’s name as the browser does', () => {
    expect(overviewUrls({ first_date: '2025-09-01', last_date: '2026-06-01' }, '2026-11-23', 'Sør-Varanger Ås')[1]).toBe(
      '/api/figures?asOf=2026-07-31&from=2025-08-01&municipality=S%C3%B8r-Varanger+%C3%85s&to=2026-07-31',
    );
  });

  it('takes the latest school year ended by today, as of its last day; the running one when none has ended', () => {
    // Data into the running school year: the year before, ended 31 July, is the default.
    expect(defaultOverviewPeriod({ first_date: '2024-09-01', last_date: '2026-03-01' }, '2026-03-15')).toEqual({ from: '2024-08-01', to: '2025-07-31', asOf: '2025-07-31' });
    // Only the running year: it, as of today.
    expect(defaultOverviewPeriod({ first_date: '2025-09-01', last_date: '2026-03-01' }, '2026-03-15')).toEqual({ from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' });
    // No data: today's school year.
    expect(defaultOverviewPeriod({ first_date: null, last_date: null }, '2026-11-23')).toEqual({ from: '2026-08-01', to: '2027-07-31', asOf: '2026-11-23' });
  });
});
