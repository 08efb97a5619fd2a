/** The last middlewares: a JSON 404, and errors as JSON without stack traces. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './HttpError.ts';

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: 'not_found', message: 'Fant ikke siden' });
};

export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof HttpError) {
    res.status(error.status).json({ error: error.message, details: error.details });
    return;
  }
  const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'bad_request' });
    return;
  }
  console.error(error);
  res.status(500).json({ error: 'internal_error' });
};
