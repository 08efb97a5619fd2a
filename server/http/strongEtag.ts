/** A strong ETag of a body: a hash of its bytes, so equal bodies get equal tags whoever asks. */
import { createHash } from 'node:crypto';

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The tag of the same body sent compressed: a different representation, so a different tag. */
export function encodedEtag(etag: string, encoding: string): string {
  return `${etag.slice(0, -1)}-${encoding}"`;
}
