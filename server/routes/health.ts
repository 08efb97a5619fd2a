/** GET /api/health: the server is up and the database answers. */
import { Router } from 'express';
import type { AppContext } from '../appContext.ts';
import { withConnection } from '../withConnection.ts';

export function healthRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const schools = await withConnection(deps.instance, async (conn) => {
      const result = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM schools');
      return result.getRows()[0]![0];
    });
    res.json({ status: 'ok', schools });
  });
  return router;
}
