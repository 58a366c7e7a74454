import type { App } from '@slack/bolt';
import { say } from '../../../src/chat/texts.js';
import { installationKey, type SlackInstallations } from '../../../src/delivery/installations.js';
import type { CachedInstallationStore } from '../installations.js';
import type { SlackTurn } from '../present.js';
import { homeTab } from '../render/modals.js';
import { firstTime, type SlackSurface } from '../surface.js';

/**
 * Events: the App Home is published when someone opens it (and again whenever their actions change,
 * through the outbox); uninstalling the app or revoking its tokens removes the installation, so nothing
 * is sent into a workspace that no longer has Stempel.
 */
export function registerEvents(
  app: App,
  surface: SlackSurface,
  installations: { cache?: CachedInstallationStore; store?: SlackInstallations },
): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    surface.work.run(() =>
      homeOpened(event.user, (body as { event_id?: string }).event_id, context.teamId ?? '', client),
    );
  });
  const homeOpened = async (
    user: string,
    eventId: string | undefined,
    teamId: string,
    client: SlackTurn['client'],
  ) => {
    if (!(await firstTime(surface, eventId))) return;
    const actor = await surface.identities.resolve(teamId, user, client);
    if (!actor.user) {
      const text = say(actor.locale, 'identity.unknown', { who: `Slack ${teamId}/${user}` });
      await client.views.publish({
        user_id: user,
        view: homeTab([{ kind: 'text', lines: [text] }], actor.locale),
      });
      return;
    }
    // The Home of the workspace it was opened in, whichever others the person is linked in.
    const address = await surface.platform.directAddress({
      ...actor.user,
      chatIdentities: [{ platform: 'slack', teamId, userId: user }],
    });
    if (!address) return;
    await surface.outbox.post(
      address,
      { userId: actor.user.id, locale: actor.user.locale },
      { type: 'home', userId: actor.user.id },
      'home',
      `home-opened:${eventId ?? Date.now()}`,
    );
  };

  const forget = async (
    teamId: string | undefined,
    enterpriseId: string | undefined,
    isEnterpriseInstall: boolean,
  ) => {
    const query = { teamId, enterpriseId, isEnterpriseInstall };
    if (installations.cache) await installations.cache.deleteInstallation(query);
    else await installations.store?.delete(installationKey(query));
    surface.logger.warn({ teamId, enterpriseId }, 'slack installation removed');
  };

  app.event('app_uninstalled', async ({ context }) => {
    await forget(context.teamId, context.enterpriseId, context.isEnterpriseInstall === true);
  });

  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(context.teamId, context.enterpriseId, context.isEnterpriseInstall === true);
  });
}
