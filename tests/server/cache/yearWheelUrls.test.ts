/**
 * The rector's start view the warmer computes ahead (server/cache/yearWheelUrls.ts and
 * startViewUrls.ts): the year wheel's kept calls, written out by hand as the dashboard asks
 * for them (dashboard/views/yearwheel: the school's follow-up and key figures this school
 * year and last, and its municipality's schools for the median), in the default period.
 */
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../server/auth/viewer.ts';
import { startViewUrls } from '../../../server/cache/startViewUrls.ts';
import { yearWheelUrls } from '../../../server/cache/yearWheelUrls.ts';

const span = { first_date: '2023-08-14', last_date: '2026-06-22' };
const viewer = (role: Viewer['role'], municipality: string | null, schoolId: string | null): Viewer => ({ userId: 7, username: 'x', role, municipality, schoolId });

describe('yearWheelUrls', () => {
  it('asks for the year wheel’s follow-up and key figures: this school year as of its last day, and the year before as of its own', () => {
    expect(yearWheelUrls(span, '2026-11-23', '990010014', 'Fjordvik')).toEqual([
      '/api/followup?asOf=2026-07-31&from=2025-08-01&school=990010014&to=2026-07-31',
      '/api/figures?asOf=2026-07-31&from=2025-08-01&school=990010014&to=2026-07-31',
      '/api/figures?asOf=2025-07-31&from=2024-08-01&school=990010014&to=2025-07-31',
      '/api/figures?asOf=2026-07-31&by=school&from=2025-08-01&municipality=Fjordvik&to=2026-07-31',
    ]);
  });

  it('reads the running school year as of today when no year has ended; the year before as of its last day', () => {
    expect(yearWheelUrls({ first_date: '2025-09-01', last_date: '2026-03-01' }, '2026-03-15', 'S1', 'Sør-Varanger')).toEqual([
      '/api/followup?asOf=2026-03-15&from=2025-08-01&school=S1&to=2026-07-31',
      '/api/figures?asOf=2026-03-15&from=2025-08-01&school=S1&to=2026-07-31',
      '/api/figures?asOf=2025-07-31&from=2024-08-01&school=S1&to=2025-07-31',
      '/api/figures?asOf=2026-03-15&by=school&from=2025-08-01&municipality=S%C3%B8r-Varanger&to=2026-07-31',
    ]);
  });
});

describe('startViewUrls', () => {
  const meta = { span, asOf: '2026-11-23', municipalities: ['Fjordvik', 'Havheim'] };

  it('warms a rector’s year wheel, not an overview', () => {
    const urls = startViewUrls(viewer('rector', 'Fjordvik', '990010014'), meta);
    expect(urls).toHaveLength(4);
    expect(urls[0]).toBe('/api/followup?asOf=2026-07-31&from=2025-08-01&school=990010014&to=2026-07-31');
    expect(urls.some((u) => u.startsWith('/api/series/'))).toBe(false);
  });

  it('warms the overview of every municipality for an administrator, of their own for a municipality’s or PPT’s user', () => {
    expect(startViewUrls(viewer('admin', null, null), meta)).toHaveLength(2 * 6);
    for (const role of ['municipality', 'ppt'] as const) {
      const urls = startViewUrls(viewer(role, 'Havheim', null), meta);
      expect(urls).toHaveLength(6);
      expect(urls.every((u) => u.includes('municipality=Havheim'))).toBe(true);
    }
    // A user whose municipality is not among those in reach gets nothing warmed.
    expect(startViewUrls(viewer('ppt', 'Elsewhere', null), meta)).toEqual([]);
  });
});
