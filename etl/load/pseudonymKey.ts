/**
 * The secret behind student_ref pseudonyms. It lives in a file beside the database, never
 * inside it, and is generated on first use. HMAC-SHA-256 is computed in DuckDB from the
 * key's inner and outer pads, so pseudonymising millions of rows stays set-based.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PseudonymKey {
  readonly key: Buffer;
  /** (key ⊕ 0x36…) and (key ⊕ 0x5c…) as hex, padded to SHA-256's 64-byte block. */
  readonly innerPadHex: string;
  readonly outerPadHex: string;
}

export function pseudonymKey(key: Buffer): PseudonymKey {
  if (key.length > 64 || key.length < 16) throw new Error('pseudonym key must be 16–64 bytes');
  const block = Buffer.alloc(64);
  key.copy(block);
  const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  return { key, innerPadHex: pad(0x36), outerPadHex: pad(0x5c) };
}

/** Reads the key file, creating it (mode 0600) with 32 random bytes on first run. */
export function loadOrCreatePseudonymKey(path: string): PseudonymKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{32,128}$/i.test(hex)) throw new Error(`pseudonym key file ${path} is not valid hex`);
  return pseudonymKey(Buffer.from(hex, 'hex'));
}

/** The reference implementation, used by tests to check the SQL. */
export function pseudonymise(key: PseudonymKey, studentRef: string): string {
  return createHmac('sha256', key.key).update(studentRef, 'utf8').digest('hex');
}

/** SQL for HMAC-SHA-256(key, v) as hex, reading the pads from the temp table rt_key. */
export function pseudonymSql(v: string): string {
  return `sha256((SELECT outer_pad FROM rt_key) || unhex(sha256((SELECT inner_pad FROM rt_key) || encode(${v}))))`;
}
