import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { seedTemplate } from '../workflow/support/templates.js';
import { FakeSlack } from './fake-slack.js';
import { nextId, SLACK_IDS, type SlackHarness, startSlack } from './support.js';

// biome-ignore lint/suspicious/noExplicitAny: Socket Mode envelopes are loose JSON.
type Json = any;

/**
 * Slack's Socket Mode at the network edge: apps.connections.open (on the fake Web API) hands out this
 * ws://127.0.0.1 URL; the server says hello, sends envelopes and collects the app's acknowledgements.
 */
class FakeSocketMode {
  readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  readonly acks: Json[] = [];
  #socket: WebSocket | undefined;

  async ready(): Promise<void> {
    await once(this.server, 'listening');
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  async connected(): Promise<void> {
    const [socket] = (await once(this.server, 'connection')) as [WebSocket];
    this.#socket = socket;
    socket.on('message', (data) => this.acks.push(JSON.parse(String(data))));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'A0TEST' },
        debug_info: { host: 'fake' },
      }),
    );
  }

  send(envelope: Json): void {
    this.#socket!.send(JSON.stringify(envelope));
  }

  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let slack: SlackHarness;
let socket: FakeSocketMode;
let fake: FakeSlack;

beforeAll(async () => {
  socket = new FakeSocketMode();
  await socket.ready();
  fake = await new FakeSlack().start();
  fake.socketUrl = socket.url;
  const connected = socket.connected();
  slack = await startSlack('slack-socket', { mode: 'socket', fake });
  await connected;
  await slack.link(slack.ws.users.planner, SLACK_IDS.planner);
});
afterAll(async () => {
  await slack.close();
  await socket.stop();
});

describe('Socket Mode', () => {
  it('connects with the app token and serves a command and a click over the socket', async () => {
    expect(fake.callsOf('apps.connections.open')[0]?.token).toBe('xapp-test-app-token');
    const courseTypeId = (await seedCourseType(slack.ws, 'socket')).id;
    const template = await seedTemplate(slack.ws, {
      name: 'Koffie [Opleiding:Naam]',
      ownerRule: { kind: 'user', userId: slack.ws.users.planner.id },
      courseTypeIds: [courseTypeId],
    });
    const course = await seedCourse(slack.ws, courseTypeId, { name: 'Socket' });
    const action = await onlyAction(slack.ws, template.id, course.record.id);

    const commandTrigger = nextId('trigger-');
    socket.send({
      envelope_id: 'env-command',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: fake.teamId,
        channel_id: 'CSOCKET',
        user_id: SLACK_IDS.planner,
        command: '/actie',
        text: 'mijn',
        api_app_id: 'A0TEST',
        response_url: fake.responseUrl(commandTrigger),
        trigger_id: commandTrigger,
      },
    });
    await fake.until(
      () => socket.acks.some((ack) => ack.envelope_id === 'env-command'),
      'the command acknowledged',
    );
    await fake.until(
      () => fake.responses.some((entry) => entry.id === commandTrigger),
      'the command answered',
    );
    expect(fake.responses.find((entry) => entry.id === commandTrigger)?.body.text).toContain('Koffie Socket');

    const clickTrigger = nextId('trigger-');
    socket.send({
      envelope_id: 'env-click',
      type: 'interactive',
      accepts_response_payload: false,
      payload: {
        type: 'block_actions',
        user: { id: SLACK_IDS.planner, team_id: fake.teamId },
        team: { id: fake.teamId },
        api_app_id: 'A0TEST',
        trigger_id: clickTrigger,
        container: { type: 'message', message_ts: '1.1', is_ephemeral: true },
        channel: { id: 'CSOCKET' },
        response_url: fake.responseUrl(clickTrigger),
        actions: [
          {
            type: 'button',
            action_id: `done:${action.id}`,
            value: `done:${action.id}`,
            block_id: 'b',
            action_ts: '1',
          },
        ],
      },
    });
    await fake.until(
      () => socket.acks.some((ack) => ack.envelope_id === 'env-click'),
      'the click acknowledged',
    );
    await fake.until(() => fake.responses.some((entry) => entry.id === clickTrigger), 'the click answered');
    expect((await slack.ws.stores.actions.get(action.id))?.state).toBe('done');
  });
});
