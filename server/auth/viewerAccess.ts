/**
 * What a viewer may see, school by school. `scoped`: the schools the viewer sees in full
 * (admin: all; municipality and ppt: their municipality's; rector: their own). `visible`:
 * the schools the viewer may ask for one by one (a rector also sees the peer schools of
 * their municipality, with suppression). Every other school reaches a non-admin only inside
 * a municipality total.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Viewer } from './viewer.ts';

export interface DirectorySchool {
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
  readonly level: string | null;
}

export async function loadSchoolDirectory(conn: DuckDBConnection): Promise<DirectorySchool[]> {
  const reader = await conn.runAndReadAll(`SELECT school_id, school_name, municipality, level FROM schools ORDER BY municipality, school_id`);
  return reader.getRowObjectsJS() as unknown as DirectorySchool[];
}

export interface ViewerAccess {
  readonly viewer: Viewer;
  readonly isAdmin: boolean;
  /** The viewer's municipality (a rector's: their school's); null for an admin. */
  readonly home: string | null;
  readonly scoped: ReadonlySet<string>;
  readonly visible: ReadonlySet<string>;
  readonly directory: readonly DirectorySchool[];
  readonly schoolById: ReadonlyMap<string, DirectorySchool>;
  readonly municipalities: ReadonlySet<string>;
}

export function accessOf(viewer: Viewer, directory: readonly DirectorySchool[]): ViewerAccess {
  const schoolById = new Map(directory.map((s) => [s.school_id, s]));
  const municipalities = new Set(directory.map((s) => s.municipality));
  const idsIn = (municipality: string | null) => new Set(directory.filter((s) => s.municipality === municipality).map((s) => s.school_id));
  const base = { viewer, directory, schoolById, municipalities };
  switch (viewer.role) {
    case 'admin': {
      const all = new Set(directory.map((s) => s.school_id));
      return { ...base, isAdmin: true, home: null, scoped: all, visible: all };
    }
    case 'municipality':
    case 'ppt': {
      const own = idsIn(viewer.municipality);
      return { ...base, isAdmin: false, home: viewer.municipality, scoped: own, visible: own };
    }
    case 'rector': {
      const home = (viewer.schoolId && schoolById.get(viewer.schoolId)?.municipality) || null;
      const own = new Set(viewer.schoolId ? [viewer.schoolId] : []);
      return { ...base, isAdmin: false, home, scoped: own, visible: new Set([...own, ...idsIn(home)]) };
    }
  }
}

/** True when the viewer sees every one of these schools in full. */
export function isScoped(access: ViewerAccess, schoolIds: Iterable<string>): boolean {
  for (const id of schoolIds) if (!access.scoped.has(id)) return false;
  return true;
}
