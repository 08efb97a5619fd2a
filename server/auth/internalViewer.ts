/**
 * Requests the server makes to itself (the answer warmer, cache/AnswerWarmer.ts), with the
 * viewer they are made for. The mark is kept on the request object in this process's
 * memory: nothing that arrives over the network can carry it, so it opens no way in.
 * `authenticate` takes the viewer from it instead of a session, and `auditRequest` writes
 * no entry for it: nobody looked. The answer still keeps the audit entry a real viewer's
 * request would have written, and the answer cache writes it for each viewer it serves.
 */
import type { Viewer } from './viewer.ts';

const viewers = new WeakMap<object, Viewer>();

/** Marks a request made inside this process as made for `viewer`. */
export function markInternal(req: object, viewer: Viewer): void {
  viewers.set(req, viewer);
}

/** The viewer of a request made inside this process, or undefined for any other request. */
export function internalViewerOf(req: object): Viewer | undefined {
  return viewers.get(req);
}
