/**
 * Exact linear algebra for the attacker test (suppressionAttacker.ts): the span of a set
 * of integer vectors over the rationals, kept as a row-echelon basis with fraction-free
 * elimination on BigInt, so no rounding can make a determined cell look undetermined.
 * A vector is a sparse map from unknown index to coefficient.
 */

export type Vector = ReadonlyMap<number, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Divides by the gcd of the entries, so numbers stay small. */
function normalised(row: Map<number, bigint>): Map<number, bigint> {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
  return row;
}

interface BasisRow {
  readonly pivot: number;
  readonly row: Vector;
}

export class RowSpace {
  private readonly basis: BasisRow[] = [];

  get rank(): number {
    return this.basis.length;
  }

  /**
   * What is left of `vector` after taking out the basis rows. Each basis row is zero at the
   * pivots of the rows before it, so one pass in order leaves zero at every pivot.
   */
  private remainder(vector: Vector): Map<number, bigint> {
    let r = new Map([...vector].filter(([, v]) => v !== 0n));
    for (const { pivot, row } of this.basis) {
      const rp = r.get(pivot);
      if (rp === undefined) continue;
      const bp = row.get(pivot)!;
      const next = new Map<number, bigint>();
      for (const [k, v] of r) next.set(k, v * bp);
      for (const [k, v] of row) next.set(k, (next.get(k) ?? 0n) - v * rp);
      for (const [k, v] of next) if (v === 0n) next.delete(k);
      r = normalised(next);
    }
    return r;
  }

  add(vector: Vector): void {
    const r = this.remainder(vector);
    if (r.size === 0) return;
    this.basis.push({ pivot: Math.min(...r.keys()), row: r });
  }

  /** True when `vector` is a rational combination of the vectors added: its value is known. */
  spans(vector: Vector): boolean {
    return this.remainder(vector).size === 0;
  }
}
