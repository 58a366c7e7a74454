import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { requestIdFrom, runInRequest } from '../observability/request-context.js';

/** Probes and scrapes arrive every few seconds; at info level they would drown the requests people make. */
const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The route pattern, not the path: `/api/actions/:ref` keeps the metric's label set small whatever ids
 * clients send. Requests no route took (404s, refusals before routing) share one label.
 */
function routeOf(req: Request): string {
  const pattern = req.route?.path;
  return pattern === undefined ? '(unmatched)' : `${req.baseUrl}${String(pattern)}`;
}

/**
 * The first middleware: gives the request its id (the caller's `X-Request-Id` when plausible, else a new
 * one), answers with it, runs the rest of the request inside it so every log line and problem response
 * carries it, and writes one access-log line and one latency observation when the response is done.
 */
export function requestObservability(options: { logger: Logger; metrics: Metrics }): RequestHandler {
  const { logger, metrics } = options;
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.get('x-request-id'));
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const done = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      // A client that hung up before the answer was sent gets nginx's 499, so aborted requests stand out.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.httpRequestDuration.observe({ method: req.method, route, status }, seconds);
      const line = {
        requestId,
        method: req.method,
        path: req.originalUrl,
        route,
        status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
        bytes: Number(res.getHeader('content-length') ?? 0),
      };
      if (quietPaths.has(req.path) && status < 400) logger.debug(line, 'request');
      else logger.info(line, 'request');
    };
    res.once('close', done);
    runInRequest(requestId, next);
  };
}

/**
 * `GET /metrics` in Prometheus text format. With a token configured, scrapers must send it as a bearer
 * token; the comparison takes the same time whatever the guess.
 */
export function metricsRoute(metrics: Metrics, token?: string): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && !bearerMatches(req.get('authorization'), token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="stempel-metrics"');
      res.status(401).type('text/plain').send('metrics need the METRICS_TOKEN as a bearer token\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.contentType).send(await metrics.text());
  });
  return router;
}

/** Digests of equal length, so that not even the token's length shows in the time a refusal takes. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? ''), digest(token));
}
