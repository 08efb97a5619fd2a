/**
 * The kept answers of the view each viewer starts on when the URL names none
 * (dashboard/state/roleViews.ts withStartView): an administrator the overview of any
 * municipality (every one is warmed), a municipality's or PPT's user the overview of their
 * own, a rector the year wheel of their school (the rector's page), not an overview.
 */
import type { Viewer } from '../auth/viewer.ts';
import { overviewUrls, type DataSpan } from './overviewUrls.ts';
import { yearWheelUrls } from './yearWheelUrls.ts';

/** What the viewer's own `/api/meta` says: the data's span, today, the municipalities in reach. */
export interface StartMeta {
  readonly span: DataSpan;
  readonly asOf: string;
  readonly municipalities: readonly string[];
}

export function startViewUrls(viewer: Viewer, meta: StartMeta): string[] {
  if (viewer.role === 'rector' && viewer.schoolId && viewer.municipality) {
    return yearWheelUrls(meta.span, meta.asOf, viewer.schoolId, viewer.municipality);
  }
  const own = viewer.role === 'admin' ? meta.municipalities : meta.municipalities.filter((m) => m === viewer.municipality);
  return own.flatMap((municipality) => overviewUrls(meta.span, meta.asOf, municipality));
}
