/**
 * Who sits in the team's meetings and who is responsible for a measure. The core team is
 * rector, special-education coordinator, PPT and school nurse; lower secondary schools add
 * the counsellor and social teacher, and outside services come now and then.
 */
import { roles } from '../../etl/contract/vocabularies.ts';
import type { Profile } from './profile.ts';
import type { Random } from './random.ts';
import type { SchoolLevel } from './topics.ts';

/** Per role (in vocabulary order), the chance it is present at a held meeting. */
export type Attendance = readonly (readonly [string, number])[];

export function attendanceFor(level: SchoolLevel, profile: Profile): Attendance {
  const lower = level === 'ungdomsskole';
  const primary = level === 'barneskole';
  const chance: Readonly<Record<string, number>> = {
    rektor: 0.9,
    avdelingsleder: primary ? 0.35 : 0.6,
    inspektor: lower ? 0.4 : 0.05,
    spesped_koordinator: 0.88,
    ppt: profile.pptAttendance,
    helsesykepleier: profile.nurseAttendance,
    miljolaerer: profile.socialStaffAttendance,
    sosiallaerer: lower ? 0.5 : 0.12,
    radgiver: lower ? 0.6 : level === 'kombinert' ? 0.3 : 0,
    kontaktlaerer: primary ? 0.35 : 0.2,
    laererrepresentant: 0.15,
    flerspraklig_koordinator: 0.04 * profile.topicMultipliers.flersprak,
    barnevern: 0.08,
    bup: 0.04,
    logoped: lower ? 0.01 : 0.05,
    psykisk_helseteam: lower ? 0.1 : 0.04,
    flyktningetjeneste: 0.02,
    tgl: 0.03 + 0.02 * profile.tglVisits,
    fbu: 0.03,
    ungdom_og_fritid: lower ? 0.05 : 0,
    foresatte: 0.01,
    elev: lower ? 0.005 : 0,
    annet: 0.03,
  };
  return roles.codes.map((r) => [r, Math.min(1, chance[r] ?? 0)] as const);
}

/** The roles present at one held meeting, `|`-joined; at least the rector and the coordinator when few came. */
export function drawParticipants(rng: Random, attendance: Attendance): string {
  const present: string[] = [];
  for (const [role, p] of attendance) if (rng.next() < p) present.push(role);
  if (present.length >= 2) return present.join('|');
  const fallback = new Set([...present, 'rektor', 'spesped_koordinator']);
  return roles.codes.filter((r) => fallback.has(r)).join('|');
}

/** A `|`-joined participant list with `role` added, in vocabulary order. */
export function withRole(participants: string, role: string): string {
  const present = new Set([...participants.split('|'), role]);
  return roles.codes.filter((r) => present.has(r)).join('|');
}

const individualResponsible: Readonly<Record<SchoolLevel, Attendance>> = {
  barneskole: [['kontaktlaerer', 45], ['spesped_koordinator', 25], ['helsesykepleier', 7], ['miljolaerer', 7], ['ppt', 6], ['avdelingsleder', 5], ['logoped', 3], ['foresatte', 2]],
  ungdomsskole: [['kontaktlaerer', 35], ['spesped_koordinator', 20], ['radgiver', 12], ['sosiallaerer', 10], ['helsesykepleier', 10], ['ppt', 6], ['inspektor', 5], ['miljolaerer', 2]],
  kombinert: [['kontaktlaerer', 40], ['spesped_koordinator', 25], ['helsesykepleier', 8], ['sosiallaerer', 7], ['radgiver', 5], ['ppt', 6], ['avdelingsleder', 5], ['miljolaerer', 4]],
};

const systemResponsible: Attendance = [
  ['rektor', 30], ['avdelingsleder', 20], ['spesped_koordinator', 20], ['ppt', 15], ['tgl', 5], ['miljolaerer', 5], ['laererrepresentant', 5],
];

/** The role responsible for a measure, or empty now and then. */
export function drawResponsible(rng: Random, level: SchoolLevel, measureLevel: 'system' | 'individual'): string | undefined {
  if (rng.chance(0.05)) return undefined;
  const table = measureLevel === 'system' ? systemResponsible : individualResponsible[level];
  return table[rng.weighted(table.map(([, w]) => w))]?.[0];
}
