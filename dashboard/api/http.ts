/**
 * The dashboard's only door to the server: every request goes through `request` or `send`,
 * so credentials and the CSRF header are added in one place. GET answers are cached per URL
 * until the signed-in user changes (`clearCache`); the data only changes when an
 * administrator imports.
 */
import { tableRows } from './tableRows.ts';

export type QueryParams = Readonly<Record<string, string | undefined>>;

/** One parameter the server refused, with its message in the page's language when the server has it (a 400's `details`). */
export interface ApiProblem {
  readonly parameter: string;
  readonly message: string;
}

/**
 * A failed request: the HTTP status (0 when the server could not be reached), the server's
 * error code, and for a 400 the parameters it refused and why.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly url: string,
    readonly problems: readonly ApiProblem[] = [],
    /** The language the problems are in (the answer's `Content-Language`; bokmål when not named). */
    readonly problemLang: string = 'nb',
  ) {
    super(`${url}: ${status} ${code}`);
    this.name = 'ApiError';
  }
}

/** `/api/x?a=1&b=2`, leaving out undefined and empty parameters, in a stable order. */
export function apiUrl(path: string, params: QueryParams = {}): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The `rt_csrf` cookie, read anew each time: it changes at sign-in and sign-out. */
export function csrfToken(): string {
  const entry = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('rt_csrf='));
  return entry ? decodeURIComponent(entry.slice('rt_csrf='.length)) : '';
}

/** The `details` of a 400 answer that are parameter problems (anything else is left out). */
function problemsOf(details: unknown): ApiProblem[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is { parameter?: unknown; message: string } => typeof d === 'object' && d !== null && typeof (d as { message?: unknown }).message === 'string')
    .map((d) => ({ parameter: typeof d.parameter === 'string' ? d.parameter : '', message: d.message.slice(0, 300) }));
}

/**
 * The page's language for the server's 400 reasons (server/http/problemMessages.ts), on
 * requests with parameters only: the browser's own Accept-Language is its user's, not the
 * language chosen on the page; and the preloaded `/api/session` and `/api/meta?form=columns`
 * (never a parameter problem) stay exactly the requests index.html preloads.
 */
function languageHeader(url: string): Record<string, string> {
  return url.includes('?') && !url.startsWith('/api/meta?') ? { 'Accept-Language': document.documentElement.lang || 'nb' } : {};
}

async function request(url: string, accept: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: accept, ...languageHeader(url), ...(init.headers as Record<string, string> | undefined) }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', url);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; details?: unknown };
    throw new ApiError(response.status, body.error ?? 'http_error', url, problemsOf(body.details), response.headers.get('Content-Language') ?? 'nb');
  }
  return response;
}

/** POST, PUT, PATCH or DELETE, with the CSRF header and an optional JSON body; the JSON answer, or null (204). Never cached. */
export async function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const headers: Record<string, string> = { 'X-CSRF-Token': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await request(path, 'application/json', { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return response.status === 204 ? null : ((await response.json()) as T);
}

const cache = new Map<string, Promise<unknown>>();

/** Forgets every cached answer (another user sees other data). */
export function clearCache(): void {
  cache.clear();
}

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = load();
  cache.set(key, pending);
  // A failure is not remembered: "try again" must ask the server again.
  pending.catch(() => cache.delete(key));
  return pending;
}

/** GET a JSON answer. */
export function getJson<T>(path: string, params?: QueryParams): Promise<T> {
  const url = apiUrl(path, params);
  return cached(`json ${url}`, async () => (await request(url, 'application/json')).json() as Promise<T>);
}

/** GET a JSON answer that changes from one moment to the next (an import's stage): never cached. */
export async function getJsonNow<T>(path: string): Promise<T> {
  return (await request(path, 'application/json')).json() as Promise<T>;
}

/** GET a table (JSON rows) as the views read its rows (tableRows.ts). */
export function getTableRows<T>(path: string, params?: QueryParams): Promise<T[]> {
  const url = apiUrl(path, params);
  return cached(`table ${url}`, async () => tableRows<T>((await (await request(url, 'application/json')).json()) as Record<string, unknown>[]));
}
