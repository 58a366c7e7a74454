import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response } from 'express';

const types = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
} as const;
type AssetName = keyof typeof types;

/**
 * The console's script, style sheet and icon, read once at start-up: small files, served from memory by an
 * allow-list, so no request can name a path on disk. Missing files stop start-up with the place they were
 * expected — a build that forgot to copy them fails loudly instead of serving a console without script.
 */
export function loadStaticAssets(directory = fileURLToPath(new URL('./static/', import.meta.url))) {
  const assets = new Map<string, { body: string; type: string }>();
  for (const [name, type] of Object.entries(types) as Array<[AssetName, string]>) {
    try {
      assets.set(name, { body: readFileSync(join(directory, name), 'utf8'), type });
    } catch (error) {
      throw new Error(
        `web console asset ${name} not found in ${directory}: copy adapters/console/static there`,
        {
          cause: error,
        },
      );
    }
  }
  return (req: Request, res: Response): void => {
    const asset = assets.get(String(req.params.file));
    if (!asset) {
      res.status(404).type('text').send('not found');
      return;
    }
    // Short-lived caching: a new release's script reaches browsers within minutes.
    res.status(200).type(asset.type).setHeader('Cache-Control', 'public, max-age=300').send(asset.body);
  };
}
