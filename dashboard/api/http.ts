/**
 * The dashboard's only door to the server: every request goes through `request`, so
 * credentials or an auth header (issue 4) are added in one place. Answers are cached per
 * URL for the page's life; the data only changes when an administrator imports.
 */
import { tableFromIPC } from 'apache-arrow';

export const arrowMediaType = 'application/vnd.apache.arrow.stream';

export type QueryParams = Readonly<Record<string, string | undefined>>;

/** A failed request: the HTTP status (0 when the server could not be reached) and the server's error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly url: string,
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

async function request(url: string, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: accept }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', url);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, body.error ?? 'http_error', url);
  }
  return response;
}

const cache = new Map<string, Promise<unknown>>();

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

/** GET a table as an Arrow IPC stream, as plain row objects. */
export function getArrowRows<T>(path: string, params?: QueryParams): Promise<T[]> {
  const url = apiUrl(path, params);
  return cached(`arrow ${url}`, async () => {
    const bytes = new Uint8Array(await (await request(url, arrowMediaType)).arrayBuffer());
    return tableFromIPC(bytes)
      .toArray()
      .map((row) => row.toJSON() as T);
  });
}
