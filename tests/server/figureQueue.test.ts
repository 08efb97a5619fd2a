import { describe, expect, it } from 'vitest';
import { createQueue, QueueFullError } from '../../server/figureQueue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createQueue', () => {
  it('runs tasks one at a time in arrival order', async () => {
    const run = createQueue(1);
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([run(task('a')), run(task('b')), run(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('never runs more than the limit at once, and a failing task frees its slot', async () => {
    const run = createQueue(2);
    let active = 0;
    let most = 0;
    const task = (fail: boolean) => async () => {
      active++;
      most = Math.max(most, active);
      await tick();
      active--;
      if (fail) throw new Error('boom');
      return 'ok';
    };
    const results = await Promise.allSettled([run(task(true)), run(task(false)), run(task(false)), run(task(false))]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await run(task(false))).toBe('ok');
  });

  it('serves users by turns: a user with nothing running goes before the rest of a long line', async () => {
    const run = createQueue(1);
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(name);
      await tick();
      return name;
    };
    const first = ['a1', 'a2', 'a3', 'a4'].map((n) => run(task(n), 'anna'));
    const later = [run(task('b1'), 'bo'), run(task('b2'), 'bo'), run(task('c1'), 'cato')];
    await Promise.all([...first, ...later]);
    // a1 runs; then each waiting user in turn, the one whose last query started longest ago first.
    expect(events).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('keeps one user’s queries in arrival order, turn after turn', async () => {
    const run = createQueue(1);
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(name);
      await tick();
    };
    await Promise.all([run(task('a1'), 'anna'), run(task('a2'), 'anna'), run(task('b1'), 'bo')]);
    await Promise.all([run(task('b2'), 'bo'), run(task('a3'), 'anna'), run(task('b3'), 'bo')]);
    expect(events).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });
});

describe('createQueue with a bound on waiting', () => {
  /** A task that runs until released, so the order is set by answers, not by a timer. */
  const held = () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    return { release, task: async () => gate };
  };

  it('refuses a task at once when maxWaiting tasks already wait, and takes one again when a place is free', async () => {
    const run = createQueue(1, 1);
    const first = held();
    const second = held();
    const running = run(first.task);
    const waiting = run(second.task);
    await expect(run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    first.release();
    await running; // the waiter took the slot: the waiting place is free again
    const fourth = run(async () => 'fourth');
    await expect(run(async () => 'fifth')).rejects.toBeInstanceOf(QueueFullError);
    second.release();
    await waiting;
    expect(await fourth).toBe('fourth');
  });

  it('never refuses while a slot is free, with no waiting places at all', async () => {
    const run = createQueue(2, 0);
    const a = held();
    const pending = run(a.task);
    expect(await run(async () => 'b')).toBe('b');
    a.release();
    await pending;
  });
});
