/**
 * Two uploads at once: the second is told that an import is running (409, Retry-After, a
 * Norwegian reason), never "databasefeil"; once the first is done the second goes through.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
});
afterAll(() => app.close());

const header = 'skole_id;skolenavn;kommune;skoletype\n';
const school = (id: number) => `${990000000 + id};Skole ${id};Fjordvik;barneskole\n`;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

/** An upload whose body is sent in part: the request stays open until `finish` is called. */
function openUpload(filename: string, body: string): { req: ClientRequest; answer: Promise<Answer>; finish: () => void } {
  const url = new URL(app.url);
  let req!: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: `/api/imports?filename=${filename}`,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          cookie: admin.cookieHeader(),
          'x-csrf-token': admin.cookies.get('rt_csrf')!,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: text }));
      },
    );
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { req, answer, finish: () => req.end(body.slice(half)) };
}

async function upload(filename: string, body: string): Promise<Answer> {
  const res = await admin.request('POST', `/api/imports?filename=${filename}`, { body, headers: { 'content-type': 'text/csv; charset=utf-8' } });
  return { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, body: await res.text() };
}

describe('two uploads at once', () => {
  it('tells the second that an import is running while the first is under way, then lets it through', async () => {
    // The first holds the lock from the moment its headers reach the route. The second may
    // still get there first (then the first is the one refused, and is answered at once):
    // start both again until the first is the one holding the lock.
    let first = openUpload('forst.csv', header + school(1) + school(2));
    let refused: Answer | undefined;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      const second = await upload('andre.csv', header + school(3));
      expect([200, 409]).toContain(second.status);
      const firstAnswered = await Promise.race([first.answer.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10))]);
      if (second.status === 409 && !firstAnswered) refused = second;
      else if (firstAnswered) first = openUpload('forst.csv', header + school(1) + school(2));
    }
    expect(refused).toBeDefined();
    expect(refused!.retryAfter).toBe('10');
    expect(JSON.parse(refused!.body)).toEqual({
      error: 'import_running',
      details: { reason: 'en import pågår allerede; vent til den er ferdig og prøv igjen', retry_after_seconds: 10 },
    });
    first.finish();
    const done = await first.answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.body).files[0]).toMatchObject({ file: 'forst.csv', read: 2, rejected: 0 });
    const again = await upload('andre.csv', header + school(3));
    expect(again.status).toBe(200);
  });

  it('answers ten simultaneous uploads with 200 or 409 only, and loads each 200 whole', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(`samtidig-${i}.csv`, header + school(100 + 2 * i) + school(101 + 2 * i))));
    for (const a of answers) {
      expect([200, 409]).toContain(a.status);
      expect(a.body).not.toMatch(/databasefeil/);
    }
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    const meta = await (await admin.get('/api/meta')).json();
    const ids = new Set(meta.schools.map((s: { school_id: string }) => s.school_id));
    answers.forEach((a, i) => {
      const loaded = [ids.has(String(990000100 + 2 * i)), ids.has(String(990000101 + 2 * i))];
      expect(loaded).toEqual(a.status === 200 ? [true, true] : [false, false]);
    });
  });

  it('frees the lock when a client goes away before its body is sent', async () => {
    const gone = openUpload('borte.csv', header + school(50));
    await new Promise((r) => setTimeout(r, 300));
    gone.req.destroy();
    await gone.answer.catch(() => undefined);
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await upload('etter.csv', header + school(51))).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
  });
});
