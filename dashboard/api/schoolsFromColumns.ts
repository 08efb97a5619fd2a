/**
 * `/api/meta?form=columns` → the meta the views read: the schools' lists zipped back into one
 * object per school. The column form is what the page asks for: at national scale it is half
 * the text of the object form, which the page reads and parses before its first request for
 * figures can go out (server/routes/meta.ts).
 */
import type { SchoolColumns } from '../../server/routes/meta.ts';
import type { Meta, SchoolInfo } from './types.ts';

export type ColumnMeta = Omit<Meta, 'schools'> & { readonly schools: SchoolColumns };

export function schoolsFromColumns(meta: ColumnMeta): Meta {
  const c = meta.schools;
  const schools: SchoolInfo[] = c.school_id.map((school_id, i) => ({
    school_id,
    school_name: c.school_name[i]!,
    municipality: c.municipality[i]!,
    level: c.level[i] ?? null,
    scoped: c.scoped[i]!,
    students: c.students[i] ?? null,
    staff: c.staff[i] ?? null,
  }));
  return { ...meta, schools };
}
