/** What every view is built from: the state, the server's metadata and a way to change the state. */
import type { FigureSpec, Meta, SessionUser } from '../api/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from '../i18n/strings.ts';
import type { DashboardState } from '../state/dashboardState.ts';

export interface ViewContext {
  readonly state: DashboardState;
  readonly meta: Meta;
  readonly t: Strings;
  readonly lang: Lang;
  readonly specs: readonly FigureSpec[];
  /** The chosen figure's spec. */
  readonly figure: FigureSpec;
  /** Changes the state: pushes a history entry (see NavigateOptions) and renders again. */
  readonly navigate: (patch: Partial<DashboardState>, options?: NavigateOptions) => void;
  /** The width charts are drawn at (the main column's). */
  readonly chartWidth: number;
  /** The signed-in user (an anonymous administrator in development). */
  readonly user: SessionUser;
  /** Signs out and shows the sign-in form. */
  readonly signOut: () => void;
  /** Sections below the view's first chart wait for this before drawing (asyncSection's `after`). */
  readonly sectionsAfter?: Promise<unknown>;
}

export interface NavigateOptions {
  /**
   * Changes made one after another in the same control (arrow keys in a select) share one
   * history entry: the first pushes one, the next ones with the same key replace it, until
   * focus moves to another control or another change is made.
   */
  readonly coalesce?: string;
}

export interface ViewResult {
  readonly element: HTMLElement;
  /** Settles when every section has its content, empty or error state. */
  readonly ready: Promise<unknown>;
}
