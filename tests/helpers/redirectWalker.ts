/**
 * A browser stand-in that follows redirects across hosts (the app and the OpenID provider),
 * keeping each host's cookies apart as a browser does (paths and SameSite are not modelled:
 * every cookie of a host goes with every request to it).
 */
export interface Walk {
  /** The last response (not a redirect, or the one `stopAt` matched: then not requested). */
  readonly response: Response | null;
  /** Every URL requested, in order, and the one stopped at last. */
  readonly urls: readonly URL[];
  readonly last: URL;
}

export class RedirectWalker {
  readonly jars = new Map<string, Map<string, string>>();

  jar(host: string): Map<string, string> {
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }

  private remember(host: string, res: Response): void {
    const jar = this.jar(host);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  async get(url: URL): Promise<Response> {
    const jar = this.jar(url.host);
    const headers: Record<string, string> = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { headers, redirect: 'manual' });
    this.remember(url.host, res);
    return res;
  }

  /** GETs `start` and follows redirects (at most 20), stopping before a URL `stopAt` accepts. */
  async walk(start: string | URL, stopAt?: (url: URL) => boolean): Promise<Walk> {
    let url = new URL(start);
    const urls: URL[] = [];
    for (let i = 0; i < 20; i++) {
      urls.push(url);
      if (i > 0 && stopAt?.(url)) return { response: null, urls, last: url };
      const res = await this.get(url);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { response: res, urls, last: url };
      await res.arrayBuffer();
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }
}
