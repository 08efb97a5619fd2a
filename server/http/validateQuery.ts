/** Parses a request's query string with a zod schema; a bad parameter is a 400 naming it. */
import type { Request } from 'express';
import type * as z from 'zod';
import { HttpError } from './HttpError.ts';

export function validateQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'invalid_parameters',
      parsed.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}
