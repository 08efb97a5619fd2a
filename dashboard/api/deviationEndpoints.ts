/** The deviations page's details (GET /api/deviations): open deviations, agency pairs, categories. */
import { getJson } from './http.ts';
import type { FigureParams } from './types.ts';

export interface OpenDeviation {
  readonly deviation_id: string;
  readonly school_id: string;
  readonly date: string;
  readonly agencies: readonly string[];
  readonly category: string | null;
  readonly days_open: number;
  readonly answer_overdue: boolean;
}

export interface AgencyPairCount {
  readonly a: string;
  readonly b: string;
  readonly reported: number;
}

export interface CategoryCount {
  readonly category: string | null;
  readonly reported: number;
  readonly open: number;
  readonly answer_overdue: number;
}

export interface DeviationDetails {
  readonly open_deviations: readonly OpenDeviation[];
  readonly agency_pairs: readonly AgencyPairCount[];
  readonly categories: readonly CategoryCount[];
}

/** `details` null when the viewer is not scoped to every school asked (`details_withheld` says so). */
export interface DeviationDetailsAnswer {
  readonly details: DeviationDetails | null;
  readonly details_withheld?: string;
}

export function getDeviationDetails(p: FigureParams): Promise<DeviationDetailsAnswer> {
  return getJson<DeviationDetailsAnswer>('/api/deviations', { from: p.from, to: p.to, asOf: p.asOf, school: p.school, municipality: p.municipality, level: p.level });
}
