/**
 * The dashboard's files (dashboard/dist) brotli- or gzip-compressed for a client that accepts
 * it: the bundle shrinks to about a quarter, which is most of a first load. Each file is
 * compressed once per process and content (size and modification time), in the background
 * from the start, so the first visitor does not wait for it. Anything else (a client without
 * br/gzip, a small file, a path that is not a file) falls through to express.static.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { RequestHandler, Response } from 'express';
import { encodeBody, encodingFor, type BodyEncoding } from './encodeBody.ts';
import { encodedEtag, strongEtag } from './strongEtag.ts';

const compressible = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.map', '.txt', '.csv']);

interface Compressed {
  readonly stamp: string;
  readonly etag: string;
  readonly bodies: Map<BodyEncoding, Promise<Buffer>>;
}

export function compressedAssets(dir: string, cacheControl: (path: string) => string): RequestHandler {
  const root = resolve(dir);
  const files = new Map<string, Compressed>();

  const compressedOf = (path: string, encoding: BodyEncoding): Promise<Buffer> | null => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || !compressible.has(extname(path))) return null;
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    let entry = files.get(path);
    if (!entry || entry.stamp !== stamp) {
      const body = readFileSync(path);
      if (body.length < 1024) return null;
      entry = { stamp, etag: strongEtag(body), bodies: new Map([['br', encodeBody(body, 'br', 'asset')], ['gzip', encodeBody(body, 'gzip', 'asset')]]) };
      files.set(path, entry);
    }
    return entry.bodies.get(encoding)!;
  };
  const send = (res: Response, path: string, encoding: BodyEncoding, body: Buffer) => {
    res.type(extname(path)).set({ 'Cache-Control': cacheControl(path), 'Content-Encoding': encoding, ETag: encodedEtag(files.get(path)!.etag, encoding) });
    res.vary('Accept-Encoding').send(body);
  };

  // Start on the bundle now: the first page load should not wait for brotli.
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    compressedOf(join(root, name), 'br')?.catch(() => undefined);
  }

  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = resolve(root, `.${decodeURIComponent(req.path === '/' ? '/index.html' : req.path)}`);
    } catch {
      return next(); // a malformed escape: express.static answers it
    }
    if (!path.startsWith(root + sep) || relative(root, path).split(sep).some((part) => part.startsWith('.'))) return next();
    const encoding = encodingFor(req, Infinity);
    const pending = encoding ? compressedOf(path, encoding) : null;
    if (!encoding || !pending) return next();
    send(res, path, encoding, await pending);
  };
}
