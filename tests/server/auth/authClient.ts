/**
 * A tiny browser stand-in for the auth tests: keeps the cookies the app sets, sends the
 * CSRF token back as a header on state-changing requests, and signs in as a demo user.
 */
import type { SampleApp } from '../../helpers/sampleApp.ts';

export interface ClientOptions {
  /** Leave out the X-CSRF-Token header (to test CSRF refusals). */
  readonly noCsrfHeader?: boolean;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export class AuthClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Stores Set-Cookie values (a cleared cookie is removed). */
  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, options: ClientOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const csrf = this.cookies.get('rt_csrf');
    if (method !== 'GET' && csrf && !options.noCsrfHeader) headers['x-csrf-token'] = csrf;
    let body: string | Blob | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : options.body instanceof Uint8Array ? new Blob([options.body as Uint8Array<ArrayBuffer>]) : JSON.stringify(options.body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    this.remember(res);
    return res;
  }

  get(path: string, options?: ClientOptions): Promise<Response> {
    return this.request('GET', path, options);
  }

  /** GET /api/health: what a browser's first page load does, and how it gets its CSRF cookie. */
  async visit(): Promise<void> {
    await this.get('/api/health');
  }

  async signIn(username: string, password: string): Promise<Response> {
    if (!this.cookies.has('rt_csrf')) await this.visit();
    return this.request('POST', '/api/session', { body: { username, password } });
  }
}

/** A client signed in as the demo user of `role` (admin, municipality, rector, ppt). */
export async function signedIn(app: SampleApp, role: string): Promise<AuthClient> {
  const user = app.users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  const client = new AuthClient(app.url);
  const res = await client.signIn(user.username, user.password);
  if (res.status !== 200) throw new Error(`sign-in as ${user.username} answered ${res.status}: ${await res.text()}`);
  return client;
}

/** A client signed in as the named user of the app. */
export async function signedInAs(app: SampleApp, username: string): Promise<AuthClient> {
  const user = app.users.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username}`);
  const client = new AuthClient(app.url);
  const res = await client.signIn(user.username, user.password);
  if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}: ${await res.text()}`);
  return client;
}
