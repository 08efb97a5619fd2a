/**
 * The provider's subject, pseudonymised the way the product pseudonymises pupils
 * (etl/load/pseudonymKey.ts): HMAC-SHA-256 with the pseudonym key, which lives beside the
 * database, never in it. The issuer is part of the input, so the same `sub` at two providers
 * gives two references, and a fixed prefix keeps these references apart from pupils' ones.
 * Only this reference is stored; a copy of the database does not say who signed in.
 */
import { createHmac } from 'node:crypto';
import type { PseudonymKey } from '../../../etl/load/pseudonymKey.ts';

export function subjectRef(key: PseudonymKey, issuer: string, subject: string): string {
  return createHmac('sha256', key.key).update(`oidc-subject\u0000${issuer}\u0000${subject}`, 'utf8').digest('hex');
}
