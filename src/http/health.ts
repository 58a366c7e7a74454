import { type Router as ExpressRouter, Router } from 'express';

export interface ReadinessProbe {
  /** Throws or resolves false when the service should not receive traffic. */
  check(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

/** `/healthz` answers as long as the process runs; `/readyz` asks the dependencies. */
export function healthRoutes(readiness: ReadinessProbe): ExpressRouter {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const result = await readiness.check();
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ready' : 'unavailable', ...result });
  });
  return router;
}
