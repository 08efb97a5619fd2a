/**
 * The two cookies: `rt_session` (the session token: HttpOnly, never readable by scripts) and
 * `rt_csrf` (the CSRF token the dashboard copies into an `X-CSRF-Token` header). Both are
 * SameSite=Strict, Path=/, and Secure when the request came over HTTPS (`req.secure`, which
 * honours X-Forwarded-Proto only from a trusted proxy).
 */
import { randomBytes } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { parseCookie } from 'cookie';

export const sessionCookie = 'rt_session';
export const csrfCookie = 'rt_csrf';
export const csrfHeader = 'x-csrf-token';

/** 32 random bytes as base64url: the shape of every token this app hands out. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** A token as sent by a client, or null when it is missing or not of our shape. */
export function wellFormedToken(value: unknown): string | null {
  return typeof value === 'string' && tokenShape.test(value) ? value : null;
}

/** The request's cookies; a header too long or malformed to be ours counts as none. */
export function requestCookies(req: Request): Record<string, string | undefined> {
  const header = req.get('cookie');
  if (!header || header.length > 8192) return {};
  try {
    return parseCookie(header);
  } catch {
    return {};
  }
}

function options(req: Request, httpOnly: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly, sameSite: 'strict', path: '/', secure: req.secure, ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(sessionCookie, token, options(req, true, maxAgeMs));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookie, options(req, true));
}

export function setCsrfCookie(req: Request, res: Response, token: string): void {
  res.cookie(csrfCookie, token, options(req, false));
}
