import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { pino } from 'pino';
import { ConsoleInbox } from '../../adapters/console/inbox.js';
import { type ConsoleRouterOptions, consoleRouter } from '../../adapters/console/routes.js';
import { type ChatDeliveryStack, createChatDelivery } from '../../src/chat-delivery.js';
import { ConsoleInboxStore } from '../../src/store/console-inbox.js';
import type { ExecutionPorts } from '../../src/workflow/execution/execute-action.js';
import { executionPorts } from '../execution/support.js';
import { testDigestPorts } from '../support/digests.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';

export const TEST_SESSION_SECRET = 'console-test-secret-0123456789abcdefghij';

/** The console as the service will mount it: an Express app with the router at /console. */
export function consoleTestApp(options: ConsoleRouterOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/console', consoleRouter(options));
  return app;
}

export interface ConsoleHarness {
  readonly url: string;
  readonly ws: TestWorkspace;
  readonly inbox: ConsoleInbox;
  readonly execution: ExecutionPorts;
  /** The chat delivery: the outbox the use cases send through, its worker sending into the inbox. */
  readonly delivery: ChatDeliveryStack;
  close(): Promise<void>;
}

/**
 * The real console router on a real test database (the workflow fixtures' users and clock), listening
 * on an ephemeral loopback port; its chat delivery is the console inbox itself.
 */
export async function startConsole(
  name: string,
  options: { requireLogin?: boolean; start?: string } = {},
): Promise<ConsoleHarness> {
  const ws = await openWorkspace(name, options.start ? { start: options.start } : {});
  // The inbox keeps real time: its TTL index reaps by the real clock, which the 2026 test clock would trip.
  const inbox = new ConsoleInbox(new ConsoleInboxStore(ws.database.db));
  await inbox.ensureIndexes();
  const delivery = createChatDelivery(ws.deps, { platforms: [inbox] });
  const execution = {
    ...executionPorts({ chat: delivery.outbox }),
    digests: testDigestPorts(ws.database.db, delivery).ports,
  };
  const app = consoleTestApp({
    deps: ws.deps,
    execution,
    logger: pino({ level: 'silent' }),
    requireLogin: options.requireLogin ?? false,
    sessionSecret: TEST_SESSION_SECRET,
    inbox,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/console`,
    ws,
    inbox,
    execution,
    delivery,
    close: async () => {
      await delivery.worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ws.close();
    },
  };
}

export interface ConsoleResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A browser without a browser: keeps the session cookie and the page's CSRF token between requests. */
export class ConsoleClient {
  cookie = '';
  csrf = '';

  constructor(private readonly url: string) {}

  async request(
    method: string,
    path: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return { status: response.status, headers: response.headers, text } satisfies ConsoleResponse;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }

  /** A form post with the CSRF token, as the page's own forms send it. */
  post(path: string, form: Record<string, string> = {}, headers?: Record<string, string>) {
    return this.request('POST', path, { csrf: this.csrf, ...form }, headers);
  }

  /** A post the way console.js sends it: asking for a fragment. */
  fetchPost(path: string, form: Record<string, string> = {}) {
    return this.post(path, form, { 'x-console-fetch': '1' });
  }

  /** Opens the front door and picks `userId` (loopback mode). */
  async actAs(userId: string): Promise<void> {
    await this.get('');
    const response = await this.post('/identity', { userId });
    if (response.status !== 303) throw new Error(`picking ${userId} failed: ${response.status}`);
    await this.get('');
  }
}
