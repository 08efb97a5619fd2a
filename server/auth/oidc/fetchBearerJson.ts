/**
 * One JSON request to a group source (Feide's Groups API, Microsoft Graph) with the user's
 * access token: a deadline, a size limit read as the body streams in (a Content-Length can
 * lie or be missing), and no redirects followed, so the bearer token never goes anywhere but
 * the configured URL. Failures are data, a short code for the audit log, never the body.
 */
export type GroupsFailure = 'no_access_token' | 'unreachable' | 'timeout' | `http_${number}` | 'too_large' | 'not_json' | 'invalid' | 'too_many' | 'too_many_pages';

export type BearerJson = { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly failure: GroupsFailure };

export interface BearerRequest {
  readonly url: URL;
  readonly accessToken: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** A JSON body (POST), or none (GET). */
  readonly body?: unknown;
}

async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

export async function fetchBearerJson(request: BearerRequest): Promise<BearerJson> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const res = await fetch(request.url, {
      method: request.body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${request.accessToken}`,
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'manual',
      signal,
    });
    if (res.status !== 200) {
      await res.body?.cancel();
      return { ok: false, failure: `http_${res.status}` };
    }
    const bytes = await readLimited(res, request.maxBytes);
    if (bytes === null) return { ok: false, failure: 'too_large' };
    try {
      return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown };
    } catch {
      return { ok: false, failure: 'not_json' };
    }
  } catch {
    return { ok: false, failure: signal.aborted ? 'timeout' : 'unreachable' };
  }
}
