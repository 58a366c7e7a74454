import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { explainReason } from '../../adapters/console/delivery-reasons.js';
import { BROKEN_TARGET } from '../../adapters/slack/platform.js';
import { outcomeOfError } from '../../adapters/teams/outcome.js';
import { DeliveryRouter } from '../../src/delivery/router.js';

function teamsError(status: number, code?: string) {
  const config = { method: 'POST', url: 'https://smba.test/' } as never;
  const response = {
    data: code ? { error: { code } } : {},
    status,
    statusText: '',
    headers: new Headers(),
    config,
  };
  return new HttpError(`status ${status}`, response, config);
}

function bothLanguages(reason: string) {
  return { en: explainReason(reason, 'en'), nl: explainReason(reason, 'nl') };
}

describe('why a delivery failed, for administrators', () => {
  it('explains every Slack error that breaks a conversation, in Dutch and English', () => {
    for (const code of BROKEN_TARGET) {
      const { en, nl } = bothLanguages(code);
      expect(en, code).toBeTruthy();
      expect(nl, code).toBeTruthy();
      expect(nl).not.toBe(en);
    }
    expect(explainReason('not_in_channel', 'nl')).toContain('/invite @Stempel');
  });

  it("explains Teams' refusals as the Teams adapter records them", () => {
    const now = new Date();
    const removed = outcomeOfError(teamsError(403), 'post', now);
    const gone = outcomeOfError(teamsError(404, 'ConversationNotFound'), 'update', now);
    expect(explainReason(removed.ok ? '' : removed.reason, 'en')).toBe(
      'The Teams app was removed from this conversation, or blocked.',
    );
    expect(explainReason(gone.ok ? '' : gone.reason, 'nl')).toBe('Teams kent dit gesprek niet (meer).');
    // A stored service URL outside the Bot Connector's hosts: refused by the SDK before any request.
    const host = outcomeOfError(Object.assign(new Error('not allowed'), { code: -120175 }), 'post', now);
    expect(host).toMatchObject({ ok: false, kind: 'permanent', targetBroken: true });
    expect(explainReason(host.ok ? '' : host.reason, 'en')).toContain('not a Teams address');
  });

  it("explains the router's reasons, and a broken mark together with its cause", async () => {
    const router = new DeliveryRouter({
      platforms: new Map(),
      store: undefined as never,
      user: async () => undefined,
      channelLocale: async () => 'nl',
    });
    const route = await router.route({ kind: 'channel', platform: 'teams', channel: 'Planning' });
    expect(route.ok).toBe(false);
    expect(explainReason(route.ok ? '' : route.reason, 'nl')).toBe('Teams is op deze server niet ingesteld.');
    expect(explainReason('Slack #planning is unreachable: is_archived', 'en')).toBe(
      'Slack #planning is marked broken. The channel is archived.',
    );
    expect(explainReason('Stempel is not installed in Slack workspace T0X', 'nl')).toBe(
      'Stempel is niet geïnstalleerd in Slack-werkruimte T0X.',
    );
  });

  it('leaves a reason it does not know as the platform said it', () => {
    expect(explainReason('msg_too_long', 'nl')).toBeUndefined();
    expect(explainReason('Teams answered 400 BadArgument', 'en')).toBeUndefined();
  });
});
