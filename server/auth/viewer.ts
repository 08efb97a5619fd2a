/**
 * Who is asking: the signed-in user's role and scope, resolved once per request by
 * `authenticate` and kept in `res.locals`. Routes read it with `viewerOf(res)`.
 */
import type { Response } from 'express';
import type { Role } from '../../etl/accounts/userAccount.ts';
import { HttpError } from '../http/HttpError.ts';

export interface Viewer {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  /** The municipality of a municipality or ppt user, or of a rector's school. */
  readonly municipality: string | null;
  /** A rector's school. */
  readonly schoolId: string | null;
}

/** The implicit administrator of an app built with `allowAnonymousAdmin` (tests only). */
export const anonymousAdmin: Viewer = { userId: 0, username: 'anonym-admin', role: 'admin', municipality: null, schoolId: null };

/** The request's viewer, or 401 when no one is signed in. */
export function viewerOf(res: Response): Viewer {
  const viewer = res.locals.viewer as Viewer | undefined;
  if (!viewer) throw new HttpError(401, 'not_signed_in');
  return viewer;
}

/** 403 unless the viewer has one of `roles`. */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (!roles.includes(viewer.role)) throw new HttpError(403, 'forbidden', { reason: 'role' });
}
