import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback in front of the test database, that can stall: while stalled it holds every
 * byte in both directions, as a database that stopped answering would. Fault tests only ever target it.
 */
export class StallProxy {
  #server: Server | undefined;
  #stalled = false;
  readonly #pairs = new Set<{ client: Socket; upstream: Socket }>();
  readonly #held: Array<{ to: Socket; chunk: Buffer }> = [];

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static forUri(uri: string): StallProxy {
    const { hostname, port } = new URL(uri);
    return new StallProxy(hostname, Number(port));
  }

  async start(): Promise<this> {
    this.#server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      const pair = { client, upstream };
      this.#pairs.add(pair);
      client.on('data', (chunk: Buffer) => this.#forward(upstream, chunk));
      upstream.on('data', (chunk: Buffer) => this.#forward(client, chunk));
      const drop = () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return this;
  }

  /** The database URI through this proxy. */
  uriFor(uri: string): string {
    const address = this.#server!.address() as { port: number };
    const url = new URL(uri);
    url.host = `127.0.0.1:${address.port}`;
    return url.toString();
  }

  #forward(to: Socket, chunk: Buffer): void {
    if (this.#stalled) this.#held.push({ to, chunk });
    else if (!to.destroyed) to.write(chunk);
  }

  stall(): void {
    this.#stalled = true;
  }

  /** Lets everything held go through, in order, and flows freely again. */
  resume(): void {
    this.#stalled = false;
    const held = this.#held.splice(0);
    for (const { to, chunk } of held) if (!to.destroyed) to.write(chunk);
  }

  async stop(): Promise<void> {
    this.resume();
    for (const { client, upstream } of this.#pairs) {
      client.destroy();
      upstream.destroy();
    }
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}
