/**
 * A query string as the dashboard writes it (dashboard/api/http.ts apiUrl: keys sorted, empty
 * ones left out), so an answer computed ahead has the cache key the dashboard's own request
 * will have. The server does not import the dashboard; tests pin both to the same URLs.
 */
export function queryString(params: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== '') query.set(key, value);
  }
  return query.toString();
}
