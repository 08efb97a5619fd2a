/**
 * What an audit entry concerns, in words: `school:<id>`, `municipality:<name>`, `scope` and
 * `total:all` (the sum over every municipality, server/auth/figureScope.ts) are the figure requests' targets.
 */
import type { SchoolInfo } from '../api/types.ts';
import type { Strings } from '../i18n/strings.ts';

export function auditTargetText(t: Strings, schools: readonly SchoolInfo[]): (target: string | null) => string {
  const schoolNames = new Map(schools.map((s) => [s.school_id, s.school_name]));
  return (target) => {
    if (target === null) return '';
    if (target === 'scope') return t.audit.targets.scope;
    if (target === 'total:all') return t.audit.targets.total;
    const colon = target.indexOf(':');
    const [kind, name] = colon === -1 ? [target, ''] : [target.slice(0, colon), target.slice(colon + 1)];
    if (kind === 'municipality' && name) return `${t.audit.targets.municipality}: ${name}`;
    if (kind === 'school' && name) return `${t.audit.targets.school}: ${schoolNames.get(name) ?? name}`;
    // Usernames, 'upload', 'sample-data', a path: already words.
    return target;
  };
}
