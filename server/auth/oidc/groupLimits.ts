/**
 * Bounds on what a group source may answer. Too many groups is a failure, not a cut: a group
 * left out could be the one whose mapping wins (or conflicts), so a shortened list might
 * grant a role an administrator did not decide.
 */
export const groupLimits = {
  /** Bytes of one answer (one page of Graph). */
  maxBytes: 1_000_000,
  /** Groups of one user, over all pages. */
  maxGroups: 10_000,
  /** Pages of Graph's `@odata.nextLink` followed. */
  maxPages: 20,
  maxIdLength: 256,
  /** The default deadline of each request. */
  timeoutMs: 5_000,
} as const;

/** Groups and organisations found outside the ID token. */
export interface FetchedGroups {
  readonly groups: readonly string[];
  readonly organisations: readonly string[];
}
