/**
 * The viewers' school-year suppression plans, kept across requests. Planning the school years
 * cases begin and end in together (schoolYearPlans.ts) reads every such year's national
 * figures, so a viewer outside the scope would otherwise pay it on every request; the plans
 * are a function of the data, the viewer's grant, today and the threshold, which is the key.
 * An import empties the cache (AppContext.dataChanged) and the data version is in the key
 * too, as in the answer cache. At most `maxEntries` viewers' plans are kept, the least
 * recently used going first.
 */
import type { Viewer } from './viewer.ts';
import { SchoolYearPlans } from './schoolYearPlans.ts';
import type { ViewerAccess } from './viewerAccess.ts';

export class PlanCache {
  private readonly entries = new Map<string, SchoolYearPlans>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The plans of this viewer's grant on this data version, today and threshold. */
  plansFor(dataVersion: string, access: ViewerAccess, today: string, threshold: number): SchoolYearPlans {
    const key = JSON.stringify([dataVersion, grantOf(access.viewer), today, threshold]);
    let plans = this.entries.get(key);
    if (plans) this.entries.delete(key);
    else plans = new SchoolYearPlans(access, today, threshold);
    this.entries.set(key, plans);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return plans;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** What the plans depend on of a viewer: the role and the scope it grants, not who it is. */
function grantOf(viewer: Viewer): [string, string | null, string | null] {
  return [viewer.role, viewer.municipality ?? null, viewer.schoolId ?? null];
}
