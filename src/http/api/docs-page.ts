import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Request, type Response, Router } from 'express';

/**
 * The API reference page at /api/docs: Swagger UI from the `swagger-ui-dist` package, served by the bot
 * itself (no CDN, works offline), rendering the same /api/openapi.json the API validates with. Swagger UI
 * rather than Scalar or Redoc: its package is 12 MB with no runtime dependencies, where Scalar's pulls in
 * about 240 MB and Redoc's 84 MB, and it runs under a CSP without inline script or style.
 */
const assets = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;
type AssetName = keyof typeof assets;

// Script from this origin only: the page's own start-up code is a file too, not an inline script.
const startScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Stempel API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css">
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/start.js"></script>
  </body>
</html>
`;

const securityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

let loaded: Map<string, string> | undefined;

/** Read on first use and kept: two files of about 2 MB that only change with the package. */
function asset(name: AssetName): string {
  if (!loaded) {
    const directory = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    loaded = new Map(
      Object.keys(assets).map((file) => [file, readFileSync(path.join(directory, file), 'utf8')]),
    );
  }
  return loaded.get(name)!;
}

function send(res: Response, type: string, body: string, cache: string): void {
  res.setHeader('Content-Security-Policy', securityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', cache);
  res.status(200).type(type).send(body);
}

export function apiDocsRoutes(): Router {
  const router = Router();
  router.get('/docs', (_req, res) => send(res, 'text/html; charset=utf-8', page, 'no-cache'));
  router.get('/docs/start.js', (_req, res) =>
    send(res, 'text/javascript; charset=utf-8', startScript, 'public, max-age=300'),
  );
  router.get('/docs/:file', (req: Request, res: Response, next) => {
    const name = String(req.params.file);
    if (!Object.hasOwn(assets, name)) return next();
    send(res, assets[name as AssetName], asset(name as AssetName), 'public, max-age=3600');
  });
  return router;
}
