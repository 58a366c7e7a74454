import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity a reply or edit is about (`…/activities/<id>`), if any. */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** What the fake answered: the status, and the id of the message it created or edited. */
  status: number;
  responseId?: string;
}

export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export const FAKE_TENANT = '7a5b8c3d-1e2f-4a5b-9c8d-0e1f2a3b4c5d';

/**
 * The network edge of Teams, faked on loopback: the Bot Connector API (replies, proactive posts, edits,
 * the member lookup) recording every call, and the Entra ID signing keys the SDK fetches to check JWTs.
 * Failures can be scripted per method for the next calls.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Conversation members by Teams id, as the member lookup returns them. */
  readonly members = new Map<string, Record<string, unknown>>();
  readonly #failures: Array<{ method: string; failure: ScriptedFailure }> = [];
  readonly #holds: Array<{ method: string; meanwhile: () => Promise<void> }> = [];
  readonly #events = new EventEmitter();
  readonly #keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  #server: Server | undefined;
  #sequence = 0;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => this.#json(res, 500, { error: String(error) }));
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /** The next `method` call (POST for posts and replies, PUT for edits) answers with this failure. */
  failNext(method: string, failure: ScriptedFailure): void {
    this.#failures.push({ method, failure });
  }

  /** The next `method` call is answered only after `meanwhile` ran: something happening while a send is under way. */
  beforeNextAnswer(method: string, meanwhile: () => Promise<void>): void {
    this.#holds.push({ method, meanwhile });
  }

  /** Resolves with the calls once `predicate` holds for them; no timers, only the calls themselves. */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean): Promise<readonly ConnectorCall[]> {
    while (!predicate(this.calls)) await once(this.#events, 'call');
    return this.calls;
  }

  /** A JWT as Entra ID would sign it for this bot; `key` signs with another key instead. */
  token(claims: Record<string, unknown>, key: KeyObject = this.#keys.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: 'fake-key' };
    const payload = {
      iss: `${this.url}/${FAKE_TENANT}/v2.0`,
      tid: FAKE_TENANT,
      iat: now,
      nbf: now - 60,
      exp: now + 3600,
      ...claims,
    };
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'GET' && path === `/${FAKE_TENANT}/discovery/v2.0/keys`) {
      const jwk = this.#keys.publicKey.export({ format: 'jwk' });
      return this.#json(res, 200, { keys: [{ ...jwk, kid: 'fake-key', use: 'sig', alg: 'RS256' }] });
    }
    const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?$/.exec(path);
    if (!match) return this.#json(res, 404, { error: { code: 'NotFound', message: path } });
    const [, conversationId, kind, item] = match;
    if (kind === 'members' && item) {
      const member = this.members.get(decodeURIComponent(item));
      return member
        ? this.#json(res, 200, member)
        : this.#json(res, 404, { error: { code: 'MemberNotFound' } });
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const call: ConnectorCall = {
      method: req.method ?? 'GET',
      path,
      conversationId: decodeURIComponent(conversationId!),
      ...(item ? { activityId: decodeURIComponent(item) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      status: 0,
    };
    const scripted = this.#failures.findIndex((entry) => entry.method === call.method);
    const failure = scripted === -1 ? undefined : this.#failures.splice(scripted, 1)[0]!.failure;
    call.status = failure?.status ?? (call.method === 'PUT' ? 200 : 201);
    const held = this.#holds.findIndex((entry) => entry.method === call.method);
    if (held !== -1) await this.#holds.splice(held, 1)[0]!.meanwhile();
    this.calls.push(call);
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify(failure.body ?? { error: { code: `Status${failure.status}` } }));
    } else {
      this.#sequence += 1;
      call.responseId = call.method === 'PUT' ? call.activityId : `msg-${this.#sequence}`;
      this.#json(res, call.status, { id: call.responseId });
    }
    this.#events.emit('call');
  }

  #json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
