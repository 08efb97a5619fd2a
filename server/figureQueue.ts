/**
 * Figure queries run one at a time, fairly between users. DuckDB already spreads one query
 * over every core, so running a page's six queries at once only makes each of them slow.
 * Waiting queries are served by turns: the next slot goes to the user whose query started
 * longest ago (a user with none running goes first), so one user's page of six queries, or
 * a slow series, never puts the other users at the back of a long line; within one user,
 * queries keep their arrival order (the dashboard's table and first chart answer first).
 * How long one query can take is bounded where it is asked (periodLimits.ts, seriesSize.ts);
 * how many may wait is bounded here: past `maxWaiting`, a task is refused at once with
 * QueueFullError (the server answers 503 with `Retry-After`), so a flood gets a quick "try
 * again" instead of a timeout. Each app makes its own queue (appContext.ts, servingConfig.ts).
 */
export type Queue = <T>(task: () => Promise<T>, key?: string) => Promise<T>;

/** The queue holds `maxWaiting` tasks already; this one was not queued. */
export class QueueFullError extends Error {
  constructor() {
    super('queue_full');
    this.name = 'QueueFullError';
  }
}

interface Turns {
  readonly waiting: Array<() => void>;
  running: number;
  /** When this key's latest task started (a ticket number); -1 before its first. */
  lastStarted: number;
}

export function createQueue(limit: number, maxWaiting = Infinity): Queue {
  let active = 0;
  let waiting = 0;
  let ticket = 0;
  const byKey = new Map<string, Turns>();

  const turnsOf = (key: string): Turns => {
    let turns = byKey.get(key);
    if (!turns) byKey.set(key, (turns = { waiting: [], running: 0, lastStarted: -1 }));
    return turns;
  };
  const started = (turns: Turns) => {
    turns.running++;
    turns.lastStarted = ticket++;
  };
  /** The waiter whose key started longest ago (ties: the key that came first). */
  const nextWaiter = (): (() => void) | undefined => {
    let best: Turns | undefined;
    for (const turns of byKey.values()) if (turns.waiting.length && (!best || turns.lastStarted < best.lastStarted)) best = turns;
    if (!best) return undefined;
    started(best);
    waiting--;
    return best.waiting.shift();
  };

  return async (task, key = '') => {
    if (active >= limit && waiting >= maxWaiting) throw new QueueFullError();
    const turns = turnsOf(key);
    if (active >= limit) {
      waiting++;
      await new Promise<void>((resolve) => turns.waiting.push(resolve));
    } else {
      active++;
      started(turns);
    }
    try {
      return await task();
    } finally {
      turns.running--;
      if (turns.running === 0 && turns.waiting.length === 0) byKey.delete(key);
      // Hand the slot straight to the next waiter, so a newcomer cannot overtake it.
      const next = nextWaiter();
      if (next) next();
      else active--;
    }
  };
}
