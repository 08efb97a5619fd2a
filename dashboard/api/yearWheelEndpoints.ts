/** The year wheel page's endpoints: follow-up figures and lists, the wheel's items, the norms. */
import { getJson, send } from './http.ts';
import type { FigureParams } from './types.ts';
import type { FollowUpAnswer, MunicipalityNorms, Norms, YearWheelAnswer } from './yearWheelTypes.ts';

export function getFollowUp(p: FigureParams): Promise<FollowUpAnswer> {
  return getJson<FollowUpAnswer>('/api/followup', { from: p.from, to: p.to, asOf: p.asOf, school: p.school, municipality: p.municipality, level: p.level });
}

export function getYearWheel(p: { from: string; to: string; asOf: string; school: string }): Promise<YearWheelAnswer> {
  return getJson<YearWheelAnswer>('/api/yearwheel', { from: p.from, to: p.to, asOf: p.asOf, school: p.school });
}

export async function getNorms(municipality: string): Promise<MunicipalityNorms> {
  const { norms } = await getJson<{ norms: MunicipalityNorms[] }>('/api/norms', { municipality });
  return norms[0]!;
}

/** Saves a municipality's norms; the caller clears the cache (the follow-up answers change). */
export async function putNorms(municipality: string, norms: Norms): Promise<MunicipalityNorms> {
  return (await send<MunicipalityNorms>('PUT', '/api/norms', { municipality, ...norms }))!;
}
