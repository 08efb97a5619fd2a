/**
 * Security headers (helmet) with a strict Content-Security-Policy: everything from the app's
 * own origin, no inline script at all, no inline style except Plot's fixed style elements
 * (by hash), images also from data: and blob: URLs (the chart PNG export draws the SVG
 * through a blob URL), no plugins, no framing, no <base> tricks. `upgrade-insecure-requests`
 * is left out: HTTPS is the proxy's job, and it would break plain-HTTP use on localhost.
 * Plot's inline styles are set through the CSSOM (element.style), which CSP does not block,
 * so `style-src-attr 'unsafe-inline'` is not needed.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { plotStyleHashes } from './plotStyleHashes.ts';

export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", ...plotStyleHashes],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** API answers are confidential and per user: never stored by a browser or proxy cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
