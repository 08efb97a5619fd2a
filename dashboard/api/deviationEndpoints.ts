/** The deviations page's details (GET /api/deviations): open deviations, agency pairs, categories. */
import { getJson } from './http.ts';
import type { DeviationDetails } from '../../etl/deviations/deviationDetails.ts';
import type { FigureParams } from './types.ts';

export type { AgencyPairCount, CategoryCount, DeviationDetails, OpenDeviation } from '../../etl/deviations/deviationDetails.ts';

/** `details` null when the viewer is not scoped to every school asked (`details_withheld` says so). */
export interface DeviationDetailsAnswer {
  readonly details: DeviationDetails | null;
  readonly details_withheld?: string;
}

export function getDeviationDetails(p: FigureParams): Promise<DeviationDetailsAnswer> {
  return getJson<DeviationDetailsAnswer>('/api/deviations', { from: p.from, to: p.to, asOf: p.asOf, school: p.school, municipality: p.municipality, level: p.level });
}
