/**
 * Which line endings a file uses. DuckDB's CSV reader settles on one style per file and
 * fails the whole file on the other, so a file that mixes them (rows pasted together from a
 * Windows and a Mac or Linux export) must be normalised first. The scan reads bytes in
 * chunks, in file order, and costs one memchr per chunk when there is no CR at all (the
 * common case for large exports).
 */
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'none' | 'mixed';

const CR = 13;
const LF = 10;

export class LineEndingScan {
  private crlf = false;
  private loneCr = false;
  private loneLf = false;
  /** The previous chunk ended with CR: its pair may be the next chunk's first byte. */
  private pendingCr = false;

  /** Feeds the next bytes of the file. */
  add(bytes: Buffer): void {
    if (bytes.length === 0 || this.known()) return;
    let from = 0;
    if (this.pendingCr) {
      if (bytes[0] === LF) {
        this.crlf = true;
        from = 1;
      } else this.loneCr = true;
      this.pendingCr = false;
    }
    if (bytes.indexOf(CR, from) === -1) {
      if (bytes.indexOf(LF, from) !== -1) this.loneLf = true;
      return;
    }
    for (let i = bytes.indexOf(LF, from); i !== -1; i = bytes.indexOf(LF, i + 1)) {
      if (bytes[i - 1] !== CR) {
        this.loneLf = true;
        break;
      }
    }
    for (let i = bytes.indexOf(CR, from); i !== -1; i = bytes.indexOf(CR, i + 1)) {
      if (i === bytes.length - 1) this.pendingCr = true;
      else if (bytes[i + 1] === LF) this.crlf = true;
      else this.loneCr = true;
    }
  }

  /** Already mixed, whatever follows (a pending CR is not counted yet: its LF may follow). */
  private known(): boolean {
    return Number(this.crlf) + Number(this.loneCr) + Number(this.loneLf) > 1;
  }

  /** The style seen so far; call after the last chunk. */
  result(): LineEndings {
    const loneCr = this.loneCr || this.pendingCr;
    const styles = Number(this.crlf) + Number(loneCr) + Number(this.loneLf);
    if (styles > 1) return 'mixed';
    if (this.crlf) return 'crlf';
    if (loneCr) return 'cr';
    return this.loneLf ? 'lf' : 'none';
  }
}

/** The line endings of a whole buffer. */
export function lineEndingsOf(bytes: Buffer): LineEndings {
  const scan = new LineEndingScan();
  scan.add(bytes);
  return scan.result();
}

/** Every CRLF and lone CR as LF: the same lines, one style. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
