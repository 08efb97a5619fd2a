/**
 * Resolves once the browser has painted the page as it is now (the task after the next
 * animation frame), or after `limitMs` when no frame comes (a hidden tab draws none): what a
 * section below the first chart waits for, so its drawing does not delay that chart's paint.
 */
export function afterPaint(limitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
