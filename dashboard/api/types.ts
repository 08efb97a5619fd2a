/**
 * The shapes the HTTP API answers with, as the dashboard sees them. Where the server
 * declares the shape (meta, session, audit, figure specs, levels, outcomes, roles, survival
 * and competence rows) it is the server's own type (type-only imports: no server code
 * reaches the bundle); the Arrow tables' flattened rows are described here.
 */
import type { Role } from '../../etl/accounts/userAccount.ts';
import type { AuditAction, AuditRow } from '../../etl/audit/auditLog.ts';
import type { Outcome } from '../../etl/figures/durationDistribution.ts';
import type { SchoolLevel } from '../../etl/figures/figureQuery.ts';
import type { FigureBaseKey, FigureKey, FigureKind, FigureSpec } from '../../etl/figures/figureKeys.ts';
import type { SurvivalPoint } from '../../etl/figures/survivalCurves.ts';
import type { AuditPage } from '../../server/routes/audit.ts';
import type { CompetenceResponse } from '../../server/routes/competence.ts';
import type { MetaResponse, SchoolInfo } from '../../server/routes/meta.ts';
import type { SessionUser } from '../../server/routes/session.ts';
import { everyMember } from './everyMember.ts';

export type { AuditAction, AuditPage, FigureBaseKey, FigureKey, FigureKind, FigureSpec, Outcome, Role, SchoolInfo, SchoolLevel, SessionUser };

export const schoolLevels = everyMember<SchoolLevel>()(['barneskole', 'ungdomsskole', 'kombinert']);

/** GET /api/meta */
export type Meta = MetaResponse;

export type BaseColumn = `n_${FigureBaseKey}`;

/** Which group a row belongs to: a school, a municipality, or (all absent) the whole scope. */
export interface GroupIdentity {
  readonly school_id?: string | null;
  readonly school_name?: string | null;
  readonly municipality?: string | null;
}

/**
 * The columns of a row hidden by small-number suppression: a list in JSON, comma-joined
 * text in Arrow, null or absent when nothing is hidden (`true`: everything).
 */
export type Suppressed = boolean | string | readonly string[] | null;

/** What the server hid in a row, and why (see data/hiddenReason.ts for the reasons). */
export interface Hidden {
  readonly suppressed?: Suppressed;
  readonly suppressed_reason?: string | null;
}

/** One row of key figures, flat: every key, and each base count as `n_<base>`. */
export type FigureRow = GroupIdentity & { readonly [K in FigureKey]: number | null } & {
  readonly [K in BaseColumn]?: number | null;
} & Hidden;

export type MonthlyRow = FigureRow & { readonly month: string };

export const outcomes = everyMember<Outcome>()(['resolved', 'referred_ppt', 'referred_other']);

export interface DurationRow extends GroupIdentity {
  readonly outcome: Outcome;
  readonly days: number | null;
  readonly cases: number | null;
  readonly suppressed?: Suppressed;
  readonly suppressed_reason?: string | null;
}

/** A point of the survival curves (the figures module's type); a suppressed row has its numbers null (see `usableRows`). */
export type SurvivalRow = GroupIdentity & Omit<SurvivalPoint, keyof GroupIdentity> & Hidden;

/** The query every figure endpoint takes. */
export interface FigureParams {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly school?: string;
  readonly municipality?: string;
  readonly level?: SchoolLevel;
}

/** One entry of GET /api/audit */
export type AuditEntry = AuditRow;

/** GET /api/competence: the figures of contract 4c for the viewer's scope (the server's type). */
export type Competence = CompetenceResponse;
