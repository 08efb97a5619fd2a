import { describe, expect, it } from 'vitest';
import { Random } from '../../../sample-data/generator/random.ts';

const draws = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

describe('Random', () => {
  it('the same seed gives the same stream, another seed another stream', () => {
    expect(draws(new Random(42), 5)).toEqual(draws(new Random(42), 5));
    expect(draws(new Random(42), 5)).not.toEqual(draws(new Random(43), 5));
  });

  it("derive(seed, 'school', i) gives independent, reproducible streams", () => {
    expect(draws(Random.derive(1, 'school', 3), 3)).toEqual(draws(Random.derive(1, 'school', 3), 3));
    expect(draws(Random.derive(1, 'school', 3), 3)).not.toEqual(draws(Random.derive(1, 'school', 4), 3));
  });

  it('int(min, max) stays within both bounds and reaches them', () => {
    const rng = new Random(7);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('weighted() follows the weights and never picks a zero weight', () => {
    const rng = new Random(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weighted([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
  });

  it('sample() returns distinct items in their original order', () => {
    const picked = new Random(3).sample([10, 20, 30, 40, 50], 3);
    expect(new Set(picked).size).toBe(3);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });
});
