/**
 * The key an answer is cached under: everything the answer depends on and nothing else.
 * The endpoint, the query with its parameters sorted (so `?to=…&from=…` and `?from=…&to=…`
 * share an answer), JSON or Arrow, the viewer's scope (role, municipality, school: what
 * decides which schools are read and what is suppressed; the threshold is the app's own),
 * today (the default as-of date), and the data version. The username is not in it: two
 * users of the same scope see the same answer, and each is audited on its own.
 */
import type { Request } from 'express';
import type { Viewer } from '../auth/viewer.ts';
import { wantsArrow } from '../http/sendTable.ts';

function normalisedQuery(req: Request): string {
  const query = req.query as Record<string, string | string[] | undefined>;
  const params = new URLSearchParams();
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, one);
  }
  return params.toString();
}

export function answerKey(req: Request, viewer: Viewer, today: string, dataVersion: string): string {
  return JSON.stringify([
    req.baseUrl + req.path,
    normalisedQuery(req),
    wantsArrow(req) ? 'arrow' : 'json',
    viewer.role,
    viewer.municipality,
    viewer.schoolId,
    today,
    dataVersion,
  ]);
}
