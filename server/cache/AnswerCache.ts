/**
 * The answers the server already computed, kept in memory by key (answerKey.ts) until an
 * import empties the cache. Bounded twice: at most `maxEntries` answers and `maxBytes` bytes
 * (bodies plus the compressed copies made of them); past either, the least recently used
 * answers go first. An answer larger than a quarter of the bytes is not kept at all: it would
 * push out many small ones.
 */
import type { BodyEncoding } from '../http/encodeBody.ts';
import { encodeBody } from '../http/encodeBody.ts';
import type { RequestAudit } from '../auth/requestAudit.ts';

export interface CachedAnswer {
  readonly body: Buffer;
  readonly contentType: string;
  /** The request headers the answer varies by besides the key (e.g. `Accept`), or null. */
  readonly vary: string | null;
  /** A strong validator of the body (answerEtag); a compressed copy adds `-br`/`-gzip`. */
  readonly etag: string;
  /** The audit entry the answer was logged with: written again each time it is served. */
  readonly audit: RequestAudit | null;
}

interface Entry {
  readonly answer: CachedAnswer;
  readonly encoded: Map<BodyEncoding, Promise<Buffer>>;
  bytes: number;
}

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private held = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }

  /** The answer kept under `key`, now the most recently used; undefined when none. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  set(key: string, answer: CachedAnswer): void {
    this.remove(key);
    if (this.maxEntries <= 0 || answer.body.length > this.maxBytes / 4) return;
    this.entries.set(key, { answer, encoded: new Map(), bytes: answer.body.length });
    this.held += answer.body.length;
    this.evict();
  }

  /**
   * The answer's body in `encoding`, compressed once and kept beside it while the answer is
   * kept (an answer no longer kept is compressed for this one request).
   */
  encoded(key: string, answer: CachedAnswer, encoding: BodyEncoding): Promise<Buffer> {
    const entry = this.entries.get(key);
    if (!entry || entry.answer !== answer) return encodeBody(answer.body, encoding);
    let pending = entry.encoded.get(encoding);
    if (!pending) {
      pending = encodeBody(answer.body, encoding);
      entry.encoded.set(encoding, pending);
      void pending.then(
        (bytes) => {
          if (this.entries.get(key) !== entry) return;
          entry.bytes += bytes.length;
          this.held += bytes.length;
          this.evict();
        },
        () => entry.encoded.delete(encoding),
      );
    }
    return pending;
  }

  /** Forgets every answer: the data they were computed from has changed. */
  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries || this.held > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }
}
