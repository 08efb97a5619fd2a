/**
 * Seeded mutations of a valid export, the shapes a broken or hostile file takes: random bytes,
 * truncation, swapped and duplicated columns, a huge field, a wrong encoding, broken quotes,
 * lines repeated or dropped, binary garbage.
 */
import iconv from 'iconv-lite';

export type Random = () => number;

/** mulberry32: small, seeded, the same sequence on every machine. */
export function seededRandom(seed: number): Random {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, n: number) => Math.floor(random() * n);

function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/)[0] ?? '';
  return [';', '\t', ','].sort((a, b) => header.split(b).length - header.split(a).length)[0]!;
}

/** Column operations on naive splits (quotes ignored on purpose: a mutation may break them). */
function mapColumns(bytes: Buffer, change: (fields: string[], width: number) => string[]): Buffer {
  const text = bytes.toString('latin1');
  const delimiter = delimiterOf(text);
  const lines = text.split('\n');
  const width = (lines[0] ?? '').split(delimiter).length;
  return Buffer.from(lines.map((line) => (line === '' ? line : change(line.split(delimiter), width).join(delimiter))).join('\n'), 'latin1');
}

export const mutations: Record<string, (bytes: Buffer, random: Random) => Buffer> = {
  randomBytes(bytes, random) {
    const out = Buffer.from(bytes);
    for (let k = 1 + int(random, 8); k > 0 && out.length; k--) out[int(random, out.length)] = int(random, 256);
    return out;
  },
  truncate: (bytes, random) => bytes.subarray(0, int(random, bytes.length + 1)),
  swapColumns(bytes, random) {
    const a = int(random, 6);
    const b = int(random, 6);
    return mapColumns(bytes, (f) => {
      if (a < f.length && b < f.length) [f[a], f[b]] = [f[b]!, f[a]!];
      return f;
    });
  },
  duplicateColumn(bytes, random) {
    const a = int(random, 6);
    return mapColumns(bytes, (f) => (a < f.length ? [...f.slice(0, a + 1), f[a]!, ...f.slice(a + 1)] : f));
  },
  dropColumn(bytes, random) {
    const a = int(random, 6);
    return mapColumns(bytes, (f) => f.filter((_, i) => i !== a));
  },
  hugeField(bytes, random) {
    const size = [70_000, 1_000_000, 5_000_000][int(random, 3)]!;
    const filler = random() < 0.5 ? 'x' : '9';
    return mapColumns(bytes, (f) => (random() < 0.3 ? f.map((v, i) => (i === 0 ? v : i === 1 ? filler.repeat(size) : v)) : f));
  },
  wrongEncoding(bytes, random) {
    const text = bytes.toString('utf8');
    const encoding = ['utf16le', 'utf16be', 'windows-1252', 'ibm850', 'utf-32le'][int(random, 5)]!;
    return iconv.encode(text, encoding, { addBOM: random() < 0.5 });
  },
  brokenQuotes(bytes, random) {
    const text = bytes.toString('latin1').split('');
    for (let k = 1 + int(random, 4); k > 0 && text.length; k--) text.splice(int(random, text.length), 0, '"');
    return Buffer.from(text.join(''), 'latin1');
  },
  repeatAndDropLines(bytes, random) {
    const lines = bytes.toString('latin1').split('\n');
    const out: string[] = [];
    for (const line of lines) {
      const r = random();
      if (r < 0.15) continue;
      out.push(line);
      if (r > 0.85) out.push(line, line);
    }
    return Buffer.from(out.join('\n'), 'latin1');
  },
  binaryGarbage: (_bytes, random) => Buffer.from(Array.from({ length: int(random, 4096) }, () => int(random, 256))),
  lineEndings: (bytes, random) => Buffer.from(bytes.toString('latin1').replace(/\n/g, () => ['\r', '\r\n', '\n\n', '\u2028'][int(random, 4)]!), 'latin1'),
};

export const mutationNames = Object.keys(mutations);

/** One or two mutations chosen by the seed; returns the bytes and what was done. */
export function mutateExport(bytes: Buffer, random: Random): { bytes: Buffer; applied: string[] } {
  const applied: string[] = [];
  let out = bytes;
  for (let k = random() < 0.7 ? 1 : 2; k > 0; k--) {
    const name = mutationNames[int(random, mutationNames.length)]!;
    out = mutations[name]!(out, random);
    applied.push(name);
  }
  return { bytes: out, applied };
}
