import type { Locale } from '../domain/i18n/locale.js';
import type { DeliveryStore, DeliveryViewer } from '../store/deliveries.js';
import type { UserRecord } from '../store/users.js';
import type { Address, ChatPlatform, PlatformId } from './platform.js';
import type { DeliveryTarget } from './port.js';

export type Route = { ok: true; address: Address; viewer: DeliveryViewer } | { ok: false; reason: string };

export interface RouterDeps {
  platforms: ReadonlyMap<PlatformId, ChatPlatform>;
  store: DeliveryStore;
  user(id: string): Promise<UserRecord | undefined>;
  /** The language of channel messages: the workspace's. */
  channelLocale(): Promise<Locale>;
}

/** Platforms in the order a person's messages try them when they have not chosen one. */
const defaultOrder: readonly PlatformId[] = ['slack', 'teams', 'console'];

/**
 * Picks where a message goes (docs/delivery.md). A person's messages go to their preferred platform, else
 * the first chat platform they are linked on, skipping conversations marked broken; the console inbox is
 * the fallback that always works. A channel names its platform, which must be configured.
 */
export class DeliveryRouter {
  constructor(private readonly deps: RouterDeps) {}

  async route(target: DeliveryTarget): Promise<Route> {
    return target.kind === 'user'
      ? this.#routeUser(target.userId)
      : this.#routeChannel(target.platform, target.channel);
  }

  async #routeUser(userId: string): Promise<Route> {
    const user = await this.deps.user(userId);
    if (!user?.active) return { ok: false, reason: `no active user ${userId}` };
    const order = user.chatPreference
      ? [user.chatPreference, ...defaultOrder.filter((id) => id !== user.chatPreference)]
      : defaultOrder;
    const candidates: Address[] = [];
    for (const id of order) {
      const platform = this.deps.platforms.get(id);
      const address = platform ? await platform.directAddress(user) : undefined;
      if (address) candidates.push(address);
    }
    const broken = await this.deps.store.brokenTargets(candidates.map((address) => address.key));
    const address = candidates.find((candidate) => !broken.has(candidate.key));
    if (!address) return { ok: false, reason: `user ${user.email ?? user.id} cannot be reached in chat` };
    return { ok: true, address, viewer: { userId: user.id, locale: user.locale } };
  }

  async #routeChannel(platformId: PlatformId, channel: string): Promise<Route> {
    const platform = this.deps.platforms.get(platformId);
    if (!platform) return { ok: false, reason: `${platformId} is not configured` };
    const address = await platform.channelAddress(channel);
    if (!address) return { ok: false, reason: `${platformId} has no channel "${channel}"` };
    const broken = (await this.deps.store.target(address.key))?.broken;
    if (broken) return { ok: false, reason: `${address.label} is unreachable: ${broken.reason}` };
    return { ok: true, address, viewer: { locale: await this.deps.channelLocale() } };
  }
}
