/**
 * Whose year-wheel norms a viewer may read: an administrator every municipality's, anyone
 * else their own municipality's (a rector's: their school's). The same rule for
 * `GET /api/norms` and the norms `GET /api/followup` carries, so a request about another
 * municipality's total never gives its norms or its number of schools away.
 */
import type { ViewerAccess } from './viewerAccess.ts';

export function mayReadNorms(access: ViewerAccess, municipality: string): boolean {
  return access.isAdmin || municipality === access.home;
}
