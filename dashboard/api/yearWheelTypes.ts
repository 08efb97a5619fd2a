/**
 * What the year wheel page reads: GET /api/followup, /api/yearwheel and /api/norms. The row
 * types are the server's own (type-only imports: no server code reaches the bundle).
 */
import type { FollowUpFigures } from '../../etl/followup/followUp.ts';
import type { FollowUpLists } from '../../etl/followup/followUpLists.ts';
import type { FollowUpNorms } from '../../etl/followup/followUpNorms.ts';
import type { NormCheck, NormStatus } from '../../etl/followup/normChecks.ts';
import type { MunicipalityNorms, Norms } from '../../etl/followup/norms.ts';
import type { PlanItem, PlanStatus, WheelMeeting, YearWheelItems } from '../../etl/followup/yearWheelItems.ts';

export type { FollowUpFigures, FollowUpLists, FollowUpNorms, MunicipalityNorms, NormCheck, Norms, NormStatus, PlanItem, PlanStatus, WheelMeeting };

/** GET /api/followup */
export interface FollowUpAnswer {
  readonly figures: FollowUpFigures;
  readonly suppressed: readonly string[];
  readonly suppressed_reason: string | null;
  readonly norms: FollowUpNorms | null;
  /** Null for a viewer not scoped to every school of the request (`lists_withheld` says so). */
  readonly lists: FollowUpLists | null;
  readonly lists_withheld?: string;
}

/** GET /api/yearwheel */
export interface YearWheelAnswer extends YearWheelItems {
  readonly school_id: string;
  readonly from: string;
  readonly to: string;
  readonly as_of: string;
}
