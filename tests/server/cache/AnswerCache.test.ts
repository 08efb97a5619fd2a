import { describe, expect, it } from 'vitest';
import { AnswerCache, type CachedAnswer } from '../../../server/cache/AnswerCache.ts';

const answer = (text: string): CachedAnswer => ({ body: Buffer.from(text), contentType: 'application/json', vary: null, etag: `"${text}"`, audit: null });

describe('AnswerCache', () => {
  it('keeps at most maxEntries answers, forgetting the least recently used first', () => {
    const cache = new AnswerCache(2, 1000);
    cache.set('a', answer('A'));
    cache.set('b', answer('B'));
    expect(cache.get('a')?.etag).toBe('"A"'); // a is now the most recently used
    cache.set('c', answer('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.etag).toBe('"A"');
    expect(cache.get('c')?.etag).toBe('"C"');
    expect(cache.size).toBe(2);
  });

  it('keeps at most maxBytes of bodies, and never one larger than a quarter of them', () => {
    const cache = new AnswerCache(100, 40);
    cache.set('a', answer('x'.repeat(10)));
    cache.set('b', answer('y'.repeat(10)));
    cache.set('c', answer('z'.repeat(10)));
    cache.set('d', answer('w'.repeat(10)));
    expect(cache.bytes).toBe(40);
    cache.set('e', answer('v'.repeat(10)));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(40);
    cache.set('big', answer('q'.repeat(11)));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.bytes).toBe(40);
  });

  it('counts a compressed copy in its bytes, and replacing a key does not count it twice', async () => {
    const cache = new AnswerCache(10, 1_000_000);
    const kept = answer('{"n":1}'.repeat(400));
    cache.set('a', kept);
    const br = await cache.encoded('a', kept, 'br');
    await Promise.resolve();
    expect(cache.bytes).toBe(kept.body.length + br.length);
    cache.set('a', kept);
    expect(cache.bytes).toBe(kept.body.length);
  });

  it('clear() forgets everything', () => {
    const cache = new AnswerCache(10, 1000);
    cache.set('a', answer('A'));
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});
