import { describe, expect, it } from 'vitest';
import { createQueue } from '../../server/figureQueue.ts';

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
});
