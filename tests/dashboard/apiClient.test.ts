import { describe, expect, it } from 'vitest';
import { flattenFigures } from '../../dashboard/api/endpoints.ts';
import { apiUrl } from '../../dashboard/api/http.ts';

describe('apiUrl', () => {
  it('sorts parameters and leaves out empty ones', () => {
    expect(apiUrl('/api/figures', { to: '2026-07-31', from: '2025-08-01', school: undefined, level: '' })).toBe('/api/figures?from=2025-08-01&to=2026-07-31');
  });
  it('encodes Norwegian letters', () => expect(apiUrl('/api/figures', { municipality: 'Lauvåsen' })).toBe('/api/figures?municipality=Lauv%C3%A5sen'));
  it('without parameters is the path', () => expect(apiUrl('/api/meta')).toBe('/api/meta'));
});

describe('flattenFigures', () => {
  it('turns the single-object answer into a table row: n.<base> → n_<base>', () => {
    expect(flattenFigures({ meetings_held: 3, minutes_rate: null, n: { meetings_held: 3 } } as never)).toEqual({
      meetings_held: 3,
      minutes_rate: null,
      n_meetings_held: 3,
    });
  });
});
