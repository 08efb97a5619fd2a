/**
 * Where a signed-in user belongs: their own school (a rector) and their municipality. A URL
 * that names no municipality or school, or one the user cannot open, falls back to these,
 * never to the first one in alphabetical order.
 */
import type { Meta, SessionUser } from '../api/types.ts';

export interface HomeScope {
  readonly municipality: string | null;
  readonly school: string | null;
}

export const noHome: HomeScope = { municipality: null, school: null };

export function homeScopeOf(user: Pick<SessionUser, 'municipality' | 'school_id'>, meta: Pick<Meta, 'schools'>): HomeScope {
  const school = meta.schools.find((s) => s.school_id === user.school_id) ?? null;
  return { school: school?.school_id ?? null, municipality: user.municipality ?? school?.municipality ?? null };
}
