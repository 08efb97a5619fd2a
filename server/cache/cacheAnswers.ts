/**
 * The answer cache as a middleware, put in front of a GET route that computes from the data
 * alone (figures, series, follow-up, meta): `router.get(path, deps.cacheAnswers, handler)`.
 *
 * A hit is answered without the route, and without waiting for the figure queue; the audit
 * entry the route wrote for the answer (`res.locals.answerAudit`, set by figureView) is
 * written again for this viewer, so the audit log still shows every view. A miss runs the
 * route and keeps its 200 answer. Either way the answer carries a strong `ETag`; a request
 * whose `If-None-Match` names it gets `304` with no body (audited too: the viewer sees it).
 * The body is sent brotli- or gzip-compressed when the client accepts it, compressed once
 * per kept answer.
 */
import type { Request, RequestHandler, Response } from 'express';
import { auditRequest } from '../auth/auditRequest.ts';
import type { RequestAudit } from '../auth/requestAudit.ts';
import { viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { encodingFor } from '../http/encodeBody.ts';
import { encodedEtag, strongEtag } from '../http/strongEtag.ts';
import { answerKey } from './answerKey.ts';
import type { CachedAnswer } from './AnswerCache.ts';

function answerOf(res: Response, body: string | Buffer): CachedAnswer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const vary = res.get('Vary');
  return {
    body: bytes,
    contentType: String(res.get('Content-Type') ?? 'application/octet-stream'),
    vary: vary ? String(vary) : null,
    etag: strongEtag(bytes),
    audit: (res.locals.answerAudit as RequestAudit | undefined) ?? null,
  };
}

/** Sends a kept answer: compressed when accepted, 304 when the client has it (Express's req.fresh). */
async function sendAnswer(deps: AppContext, key: string, req: Request, res: Response, answer: CachedAnswer): Promise<void> {
  res.status(200).set('Content-Type', answer.contentType);
  if (answer.vary) res.vary(answer.vary);
  res.vary('Accept-Encoding');
  const encoding = encodingFor(req, answer.body.length);
  if (!encoding) {
    res.set('ETag', answer.etag).send(answer.body);
    return;
  }
  res.set('ETag', encodedEtag(answer.etag, encoding));
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const body = await deps.answerCache.encoded(key, answer, encoding);
  res.set('Content-Encoding', encoding).send(body);
}

export function cacheAnswers(deps: AppContext): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const viewer = viewerOf(res);
    const key = answerKey(req, viewer, deps.today(), await deps.dataVersion());
    const kept = deps.answerCache.get(key);
    if (kept) {
      if (kept.audit) await auditRequest(deps, req, viewer, kept.audit);
      await sendAnswer(deps, key, req, res, kept);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      if (res.statusCode !== 200 || !(typeof body === 'string' || Buffer.isBuffer(body))) return send(body);
      const answer = answerOf(res, body);
      deps.answerCache.set(key, answer);
      sendAnswer(deps, key, req, res, answer).catch((error: unknown) => next(error));
      return res;
    };
    next();
  };
}
