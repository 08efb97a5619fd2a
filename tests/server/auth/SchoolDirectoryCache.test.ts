/**
 * The school directory kept across requests: read once per data version, read again for a
 * new version or after clear(), and a failed read is not kept.
 */
import { describe, expect, it } from 'vitest';
import { SchoolDirectoryCache } from '../../../server/auth/SchoolDirectoryCache.ts';
import { useReadOnlySample } from '../../helpers/readOnlySample.ts';

describe('SchoolDirectoryCache', () => {
  const sample = useReadOnlySample('rt-dircache-');

  it('reads the schools once per data version, again for another version or after clear()', async () => {
    const cache = new SchoolDirectoryCache();
    const first = await cache.directory(sample.conn, 'imports:0');
    // sample-data: 20 Norwegian schools (schools.csv) and 5 in Älvsunda, in municipality order.
    expect(first).toHaveLength(25);
    expect(first[0]).toEqual({ school_id: '990030015', school_name: 'Bjørkestrand skole', municipality: 'Bjørkestrand', level: 'kombinert' });
    expect(first.every((s, i) => i === 0 || first[i - 1]!.municipality <= s.municipality)).toBe(true);
    expect(await cache.directory(sample.conn, 'imports:0')).toBe(first);
    const next = await cache.directory(sample.conn, 'imports:1');
    expect(next).not.toBe(first);
    expect(next).toEqual(first);
    cache.clear();
    expect(await cache.directory(sample.conn, 'imports:1')).not.toBe(next);
  });

  it('does not keep a failed read', async () => {
    const cache = new SchoolDirectoryCache();
    const closed = await sample.instance.connect();
    closed.closeSync();
    await expect(cache.directory(closed, 'v')).rejects.toThrow();
    const read = await cache.directory(sample.conn, 'v');
    expect(read).toHaveLength(25);
  });
});
