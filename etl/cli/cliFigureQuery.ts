/**
 * The period, as-of date and scope options that `figures` and `followup` share, checked
 * with the figures' own schema (the boundary). Messages name the option, never its value.
 */
import { FigureQuery } from '../figures/figureQuery.ts';
import { UserFacingError } from '../log/userFacingError.ts';

export interface ScopeOptions {
  from: string;
  to: string;
  asOf?: string;
  school?: string;
  municipality?: string;
  level?: string;
  by?: 'school' | 'municipality';
}

/** Today in Norway, as the default as-of date. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

export function cliFigureQuery(options: ScopeOptions): FigureQuery {
  if (options.school && options.municipality) throw new UserFacingError('--school og --municipality kan ikke brukes sammen');
  const parsed = FigureQuery.safeParse({
    from: options.from,
    to: options.to,
    asOf: options.asOf ?? today(),
    school: options.school,
    municipality: options.municipality,
    level: options.level,
    by: options.by,
    allowedSchools: null,
  });
  if (!parsed.success) {
    throw new UserFacingError(parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
