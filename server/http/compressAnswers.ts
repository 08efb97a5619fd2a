/**
 * Compresses every API answer of 1 kB or more with brotli or gzip, as the client accepts
 * (encodeBody.ts); the cached answers come compressed already (cache/cacheAnswers.ts) and
 * pass through. Works on `res.send`, which `res.json` and sendTable end in; nothing in the
 * API streams.
 */
import type { RequestHandler } from 'express';
import { encodeBody, encodingFor } from './encodeBody.ts';

export const compressAnswers: RequestHandler = (req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    if (res.get('Content-Encoding') || req.method === 'HEAD' || !(typeof body === 'string' || Buffer.isBuffer(body))) return send(body);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.vary('Accept-Encoding');
    const encoding = encodingFor(req, bytes.length);
    if (!encoding || res.statusCode === 204 || res.statusCode === 304) return send(body);
    if (!res.get('Content-Type')) res.type(typeof body === 'string' ? 'html' : 'bin');
    encodeBody(bytes, encoding).then(
      (encoded) => {
        res.set('Content-Encoding', encoding);
        send(encoded);
      },
      (error: unknown) => next(error),
    );
    return res;
  };
  next();
};
