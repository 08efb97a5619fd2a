/**
 * A user account and the rules for its role and scope, checked at the boundary (the CLI,
 * the demo users): an admin has no scope; a municipality or PPT user has one municipality;
 * a rector has one school (and through it, its municipality).
 */
import * as z from 'zod';
import { roles } from '../db/accountsSchema.ts';

export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Lower-case letters, digits and `._@-`, 3–64 characters: safe to print, log and compare. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{2,63}$/, 'brukernavn: 3–64 tegn, bokstavene a–z, tall og . _ @ -');
export type Username = z.infer<typeof Username>;

export const NewUser = z
  .object({
    username: Username,
    role: Role,
    municipality: z.string().trim().min(1).max(200).optional(),
    school_id: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((u, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (u.role === 'admin') {
      if (u.municipality) problem('municipality', 'en administrator har ingen kommune');
      if (u.school_id) problem('school_id', 'en administrator har ingen skole');
    }
    if (u.role === 'municipality' || u.role === 'ppt') {
      if (!u.municipality) problem('municipality', `rollen ${u.role} trenger --municipality`);
      if (u.school_id) problem('school_id', `rollen ${u.role} har ingen skole`);
    }
    if (u.role === 'rector' && !u.school_id) problem('school_id', 'rollen rector trenger --school');
  });
export type NewUser = z.infer<typeof NewUser>;

/** An account as listed: never the password hash. */
export interface UserAccount {
  readonly user_id: number;
  readonly username: string;
  readonly role: Role;
  /** The user's municipality: their own, or their school's for a rector. */
  readonly municipality: string | null;
  readonly school_id: string | null;
  readonly school_name: string | null;
  readonly created_at: string;
  readonly disabled: boolean;
}
