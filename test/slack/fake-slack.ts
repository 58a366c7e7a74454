import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// biome-ignore lint/suspicious/noExplicitAny: recorded bodies are read loosely; assertions check their shape.
type Json = any;

export interface RecordedCall {
  method: string;
  token: string | undefined;
  body: Json;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Json;
}

export interface FakeSlackUser {
  id: string;
  email?: string;
  locale?: string;
  /** Their workspace (this fake's team unless said otherwise). */
  teamId?: string;
  /** What else users.info says of them: guest (`is_restricted`), Slack Connect (`is_stranger`), …. */
  flags?: Record<string, boolean>;
}

/** Fields of a Web API request that carry JSON inside the form encoding. */
const jsonFields = new Set(['blocks', 'view', 'metadata', 'attachments']);

async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const body: Json = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = jsonFields.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

/**
 * Slack's Web API at the network edge, on loopback: it records every call the real WebClient makes, answers
 * like Slack does, and can be told to fail the next calls of a method (429 with Retry-After, platform
 * errors). It also plays the response URLs Slack hands to interactions (`/response/<id>`).
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: Array<{ id: string; body: Json }> = [];
  readonly users = new Map<string, FakeSlackUser>();
  readonly teamId: string;
  #server: Server | undefined;
  #ts = 1_700_000_000;
  #views = 0;
  readonly #scripted = new Map<string, Array<ScriptedAnswer & { when?: (body: Json) => boolean }>>();
  #waiters: Array<() => void> = [];
  socketUrl = '';

  constructor(teamId = 'T0TEST') {
    this.teamId = teamId;
  }

  get url(): string {
    const { port } = this.#server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The Web API base, as SLACK_API_URL takes it. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://fake');
      const reply = (answer: ScriptedAnswer) => {
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      };
      if (url.pathname.startsWith('/response/')) {
        this.responses.push({ id: url.pathname.slice('/response/'.length), body });
        this.#notify();
        reply({ body: { ok: true } });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || body.token;
      this.calls.push({ method, token, body });
      this.#notify();
      const scripted = this.#scriptedFor(method, body);
      reply(scripted ?? { body: this.#answer(method, body, token) });
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }

  /**
   * The next calls of `method` (those whose body `when` accepts, if given) get these answers, in order;
   * later ones are answered normally again.
   */
  script(method: string, ...answers: Array<ScriptedAnswer & { when?: (body: Json) => boolean }>): void {
    this.#scripted.set(method, [...(this.#scripted.get(method) ?? []), ...answers]);
  }

  #scriptedFor(method: string, body: Json): ScriptedAnswer | undefined {
    const queue = this.#scripted.get(method) ?? [];
    const index = queue.findIndex((answer) => !answer.when || answer.when(body));
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `predicate` holds for what was recorded; every recorded call re-checks it. */
  async until(predicate: () => boolean | Promise<boolean>, what = 'the expected Slack calls'): Promise<void> {
    const deadline = Date.now() + 25_000;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        // Work can also finish without a call (a record written), so look again now and then.
        setTimeout(resolve, 200).unref();
      });
    }
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  #answer(method: string, body: Json, token?: string): Json {
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: this.teamId, user_id: 'UBOT', bot_id: 'BBOT', team: 'Test' };
      case 'chat.postMessage': {
        this.#ts += 1;
        const channel = String(body.channel ?? '');
        // A message to a person lands in their DM with the app, which has its own channel id.
        return {
          ok: true,
          channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
          ts: `${this.#ts}.000100`,
        };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'views.open':
      case 'views.update':
      case 'views.publish': {
        this.#views += 1;
        const id = body.view_id ?? `V${String(this.#views).padStart(6, '0')}`;
        return { ok: true, view: { ...(body.view ?? {}), id, hash: `h${this.#views}` } };
      }
      case 'users.info': {
        const user = this.users.get(String(body.user));
        return user
          ? {
              ok: true,
              user: {
                id: user.id,
                team_id: user.teamId ?? this.teamId,
                locale: user.locale ?? 'en-US',
                profile: { email: user.email },
                ...(user.flags ?? {}),
              },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'auth.teams.list':
        // The org-wide install's organisation has one workspace besides those of other organisations.
        return { ok: true, teams: token === 'xoxb-org-token' ? [{ id: 'T0GRID', name: 'Grid' }] : [] };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'oauth.v2.access': {
        // 'org-wide' installs the app for a whole Enterprise Grid organisation: no workspace named.
        const orgWide = body.code === 'org-wide';
        return {
          ok: true,
          access_token: orgWide ? 'xoxb-org-token' : 'xoxb-installed-token',
          token_type: 'bot',
          scope: 'commands,chat:write',
          bot_user_id: 'UBOT',
          app_id: 'A0TEST',
          team: orgWide ? null : { id: body.code === 'other-team' ? 'T0OTHER' : this.teamId, name: 'Test' },
          enterprise: orgWide ? { id: 'E0ORG', name: 'Org' } : null,
          is_enterprise_install: orgWide,
          authed_user: { id: 'UINSTALLER' },
        };
      }
      default:
        return { ok: true };
    }
  }
}
