/** Placeholder until the dashboard lands: no browser metrics yet. */
export async function timeDashboard(_dbPath: string, log: (line: string) => void): Promise<{ first_chart_ms?: number; largest_response_bytes?: number }> {
  log('Dashbord: ikke målt ennå');
  return {};
}
