import type { NextFunction, Request, Response } from 'express';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { consoleText } from './texts.js';

/** Headers a reverse proxy adds: their presence means the request did not come from this machine's browser. */
const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** Nobody is known yet: the browser's language preference decides, Dutch by default. */
function localeOf(req: Request): Locale {
  return req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
}

/** `localhost`, `*.localhost`, 127.x.x.x and [::1], with or without a port. */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host
    .trim()
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^\[(.*)\]$/, '$1');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/**
 * Picking a user needs no secret, so that mode may only answer this machine's own browser. The bind
 * address alone cannot tell: a page on attacker.example whose name was rebound to 127.0.0.1 reaches a
 * loopback listener too, and so does a reverse proxy in front of one. The Host header the browser sends
 * says which name the page was loaded from, and proxies announce themselves with forwarding headers.
 */
export function localRequestsOnly() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const forwarded = forwardingHeaders.some((header) => req.headers[header] !== undefined);
    if (isLoopbackHostHeader(req.headers.host) && !forwarded) {
      next();
      return;
    }
    res
      .status(403)
      .type('text')
      .set('Cache-Control', 'no-store')
      .send(consoleText(localeOf(req), 'error.not-local'));
  };
}
