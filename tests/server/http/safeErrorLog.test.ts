/**
 * The server log never quotes a value: an unexpected error's message loses quoted text and
 * numbers, both in the function and through the real app's error handler (console.error
 * captured), while the kind of error and the code location stay.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorHandler } from '../../../server/http/errorHandler.ts';
import { redactMessage } from '../../../etl/log/redactMessage.ts';
import { safeErrorLog } from '../../../server/http/safeErrorLog.ts';

afterEach(() => vi.restoreAllMocks());

describe('redactMessage', () => {
  it.each([
    ["Conversion Error: Could not convert string 'Ola Nordmann 12.03.2014' to INT32", 'Conversion Error: Could not convert string «…» to INT32'],
    ['Constraint Error: Duplicate key "case_id: SAK 03040512399" violates primary key', 'Constraint Error: Duplicate key «…» violates primary key'],
    ['value 030405 12399 is not a date', 'value # is not a date'],
    ['born 12.03.2014, id 030405-12399', 'born #, id #'],
    ['Binder Error: column «navn» not found', 'Binder Error: column «…» not found'],
    ['id SAK03040512399 in DECIMAL(18,3)', 'id SAK# in DECIMAL(#)'],
  ])('redactMessage(%j)', (message, expected) => {
    expect(redactMessage(message)).toBe(expected);
  });
});

describe('the error handler logs', () => {
  it('a 500 with the values taken out of the message, and never the request', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
    const app = express();
    app.get('/boom', () => {
      throw new Error("Conversion Error: Could not convert string 'Ola Nordmann 12.03.2014' to DATE (030405 12399)");
    });
    app.use(errorHandler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/boom?student=Kari%20Hansen`);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'internal_error' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const text = logged.join('\n');
    expect(text).toContain('Error: Conversion Error: Could not convert string «…» to DATE (#)');
    expect(text).toMatch(/\n\s+at /);
    for (const secret of ['Ola', 'Nordmann', '12.03.2014', '030405', '12399', 'Kari', 'Hansen']) expect(text).not.toContain(secret);
  });

  it('something thrown that is not an Error is named only by its type', () => {
    expect(safeErrorLog('Ola Nordmann')).toBe('Ukjent feil (string)');
  });
});
