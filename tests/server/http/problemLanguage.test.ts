/**
 * A 400's reasons in the asker's language: the real app over HTTP (an empty database: the
 * parameters are refused before any query) answers in bokmål by default and for `*`, in
 * English or Swedish when `Accept-Language` asks, names the language in `Content-Language`
 * and varies on `Accept-Language`. Expected wording written out here by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../etl/db/openDatabase.ts';
import { pseudonymKey } from '../../../etl/load/pseudonymKey.ts';
import { createApp } from '../../../server/createApp.ts';
import { problemMessage } from '../../../server/http/problemMessages.ts';

let dir: string;
let db: Database;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-lang-'));
  db = await openDatabase(join(dir, 'empty.duckdb'));
  const app = createApp({ instance: db.instance, today: () => '2026-11-23', allowAnonymousAdmin: true, pseudonymKey: pseudonymKey(Buffer.alloc(32, 7)) });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ask(path: string, language?: string) {
  const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json', ...(language ? { 'accept-language': language } : {}) } });
  return { status: res.status, lang: res.headers.get('content-language'), vary: res.headers.get('vary') ?? '', body: (await res.json()) as { details: Array<{ parameter: string; message: string }> } };
}

const tooLong = '/api/figures?from=2010-08-01&to=2025-07-31';
const swapped = '/api/figures?from=2025-08-01&to=2025-07-31';
const noSuchDay = '/api/series/monthly?from=2025-02-31&to=2025-03-31';

describe('400 reasons in the asker language', () => {
  it.each([
    [undefined, 'nb', 'Perioden kan være høyst ti skoleår. Velg en kortere periode.'],
    ['*', 'nb', 'Perioden kan være høyst ti skoleår. Velg en kortere periode.'],
    ['nb', 'nb', 'Perioden kan være høyst ti skoleår. Velg en kortere periode.'],
    ['nn-NO,nn;q=0.9', 'nb', 'Perioden kan være høyst ti skoleår. Velg en kortere periode.'],
    ['en', 'en', 'The period can be at most ten school years. Choose a shorter period.'],
    ['en-GB,en;q=0.8', 'en', 'The period can be at most ten school years. Choose a shorter period.'],
    ['sv-SE,sv;q=0.9,en;q=0.5', 'sv', 'Perioden kan vara högst tio läsår. Välj en kortare period.'],
    ['de', 'nb', 'Perioden kan være høyst ti skoleår. Velg en kortere periode.'],
  ])('Accept-Language %s → %s', async (language, lang, message) => {
    const answer = await ask(tooLong, language);
    expect(answer.status).toBe(400);
    expect(answer.lang).toBe(lang);
    expect(answer.vary.toLowerCase()).toContain('accept-language');
    expect(answer.body.details).toEqual([{ parameter: 'to', reason: 'period_too_long', message }]);
  });

  it('the date problems of the figure query, in English and Swedish', async () => {
    expect((await ask(swapped, 'en')).body.details).toEqual([{ parameter: 'to', message: 'the from date must be on or before the to date' }]);
    expect((await ask(swapped, 'sv')).body.details).toEqual([{ parameter: 'to', message: 'från-datumet måste vara samma som eller före till-datumet' }]);
    expect((await ask(noSuchDay, 'en')).body.details).toEqual([{ parameter: 'from', message: 'the date does not exist' }]);
    expect((await ask(noSuchDay)).body.details).toEqual([{ parameter: 'from', message: 'datoen finnes ikke' }]);
  });

  it('a message the table does not know is sent as it is', () => {
    expect(problemMessage('noe helt annet', 'en')).toBe('noe helt annet');
    expect(problemMessage('constructor', 'sv')).toBe('constructor');
  });
});
