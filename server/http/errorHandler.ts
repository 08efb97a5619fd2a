/**
 * The last middlewares: a JSON 404, and errors as JSON without stack traces. An unexpected
 * error is logged without the values in its message (safeErrorLog.ts), never with the request.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './HttpError.ts';
import { localiseProblems, problemLanguageOf } from './problemMessages.ts';
import { safeErrorLog } from './safeErrorLog.ts';

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not_found', message: 'Fant ikke siden' });
};

const bodyErrors: Record<string, string> = {
  'entity.too.large': 'payload_too_large',
  'entity.parse.failed': 'invalid_json',
  'charset.unsupported': 'unsupported_charset',
  'encoding.unsupported': 'unsupported_encoding',
};

export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof HttpError) {
    if (error.headers) res.set(error.headers);
    if (error.status === 400 && Array.isArray(error.details)) {
      // The parameter problems in the asker's language (problemMessages.ts).
      const lang = problemLanguageOf(req);
      res.set('Content-Language', lang);
      res.vary('Accept-Language');
      res.status(400).json({ error: error.message, details: localiseProblems(error.details, lang) });
      return;
    }
    res.status(error.status).json({ error: error.message, details: error.details });
    return;
  }
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser says what was wrong with a body; nothing else of the error is shown.
    const type = (error as { type?: unknown }).type;
    res.status(status).json({ error: typeof type === 'string' && Object.hasOwn(bodyErrors, type) ? bodyErrors[type] : 'bad_request' });
    return;
  }
  console.error(safeErrorLog(error));
  res.status(500).json({ error: 'internal_error' });
};
