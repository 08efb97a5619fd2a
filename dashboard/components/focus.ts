/**
 * Keeps keyboard focus where it was across a re-render: the focused control's id is
 * remembered before the page is rebuilt and focused again once a new element with that id
 * exists (at once for the filters, after loading for a table's sort buttons). While the
 * old element is still on screen, nothing happens.
 */
let pending: { id: string; old: Element } | null = null;

export function rememberFocus(): void {
  const active = document.activeElement;
  if (active?.id) pending = { id: active.id, old: active };
}

/** Focuses the new element with the remembered id, if it is in the document now. */
export function restoreFocus(): void {
  if (!pending) return;
  const el = document.getElementById(pending.id);
  if (!el || el === pending.old) return;
  el.focus({ preventScroll: true });
  pending = null;
}

/** Drops the remembered focus (focus is put somewhere on purpose instead). */
export function forgetFocus(): void {
  pending = null;
}
