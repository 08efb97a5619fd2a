/**
 * Password hashing with scrypt (node:crypto): a random salt per password, and the cost
 * parameters stored with the hash, so they can be raised later without breaking old
 * hashes. Stored as `$scrypt$n=32768,r=8,p=1$<salt>$<hash>` (base64). Verification is
 * constant-time, and a sign-in with an unknown username costs the same as a wrong password.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParameters {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

/** ~50 ms and 32 MiB per hash on a laptop: slow for a guesser, fine for a sign-in. */
export const defaultScryptParameters: ScryptParameters = { n: 32768, r: 8, p: 1 };

const saltBytes = 16;
const hashBytes = 32;
export const minPasswordLength = 12;
export const maxPasswordLength = 256;

function derive(password: string, salt: Buffer, params: ScryptParameters, length: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.n, r: params.r, p: params.p, maxmem: 256 * params.n * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParameters = defaultScryptParameters): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, params, hashBytes);
  return `$scrypt$n=${params.n},r=${params.r},p=${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const stored = /^\$scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** The parts of a stored hash, or null when it is not one this module wrote (or its cost is absurd). */
function parseStored(text: string): { params: ScryptParameters; salt: Buffer; hash: Buffer } | null {
  const m = stored.exec(text);
  if (!m) return null;
  const params = { n: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Bounds keep a tampered row from turning a sign-in into a denial of service.
  const powerOfTwo = (params.n & (params.n - 1)) === 0;
  if (!powerOfTwo || params.n < 1024 || params.n > 1 << 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  const hash = Buffer.from(m[5]!, 'base64');
  if (hash.length < 16) return null;
  return { params, salt: Buffer.from(m[4]!, 'base64'), hash };
}

export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const parsed = parseStored(storedHash);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(candidate, parsed.hash);
}

// Computed once, lazily: what an unknown username is checked against.
let dummyHash: Promise<string> | null = null;

/** Spends the time a real verification would, and answers false. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A new random password: 24 characters from a 64-letter alphabet (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
