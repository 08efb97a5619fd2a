/** Refuses a request whose path and query are longer than any the app needs (414, as JSON). */
import type { RequestHandler } from 'express';

export const maxUrlLength = 2048;

export const limitUrlLength: RequestHandler = (req, res, next) => {
  if (req.originalUrl.length > maxUrlLength) {
    res.status(414).json({ error: 'uri_too_long' });
    return;
  }
  next();
};
