/**
 * Figure queries run one at a time, in arrival order. DuckDB already spreads one query over
 * every core, so running a page's six queries at once only makes each of them slow; in
 * turn, the first one asked (the dashboard's table and first chart) answers first.
 * `RT_FIGURE_CONCURRENCY` raises the limit on a machine with many cores.
 */
export type Queue = <T>(task: () => Promise<T>) => Promise<T>;

export function createQueue(limit: number): Queue {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so a newcomer cannot overtake it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

export const figureQueue: Queue = createQueue(Math.max(1, Number(process.env.RT_FIGURE_CONCURRENCY ?? 1) || 1));
