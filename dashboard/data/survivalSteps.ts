/**
 * The Kaplan–Meier and Aalen–Johansen curves as step functions: the server lists the times
 * where something happened; every curve starts at t = 0 (all cases open, nothing ended).
 */
import { outcomes, type Outcome, type SurvivalRow } from '../api/types.ts';

export interface SurvivalStep {
  readonly t: number;
  readonly survival: number;
  readonly censored: number;
  readonly at_risk: number;
}

/** S(t) with the origin (0, 1) prepended. */
export function survivalSteps(rows: readonly SurvivalRow[]): SurvivalStep[] {
  if (rows.length === 0) return [];
  const origin: SurvivalStep = { t: 0, survival: 1, censored: 0, at_risk: rows[0]!.at_risk };
  const steps = rows.map(({ t, survival, censored, at_risk }) => ({ t, survival, censored, at_risk }));
  return steps[0]!.t === 0 ? steps : [origin, ...steps];
}

export interface IncidencePoint {
  readonly t: number;
  readonly outcome: Outcome;
  readonly incidence: number;
}

const cifColumn: Record<Outcome, keyof SurvivalRow> = {
  resolved: 'cif_resolved',
  referred_ppt: 'cif_referred_ppt',
  referred_other: 'cif_referred_other',
};

/** The cumulative incidence of each outcome, long format, each curve from (0, 0). */
export function incidencePoints(rows: readonly SurvivalRow[]): IncidencePoint[] {
  if (rows.length === 0) return [];
  return outcomes.flatMap((outcome) => [
    { t: 0, outcome, incidence: 0 },
    ...rows.filter((r) => r.t > 0).map((r) => ({ t: r.t, outcome, incidence: r[cifColumn[outcome]] as number })),
  ]);
}

