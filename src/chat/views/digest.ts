import type { Action } from '../../domain/actions/index.js';
import type { DigestSubscription } from '../../domain/digests/subscription.js';
import type { Locale } from '../../domain/i18n/locale.js';
import type { WorkflowDeps } from '../../workflow/deps.js';
import { type DigestContent, type DigestCount, digestReader } from '../../workflow/digests/content.js';
import type { DigestView } from '../model.js';
import { say } from '../texts.js';
import { actionCards } from './action-card.js';

function countText(count: DigestCount, locale: Locale): string {
  return count.exact ? String(count.total) : say(locale, 'digest.more-than', { count: count.total });
}

/**
 * A digest as a view: the counts, who has how much overdue, the most overdue actions as compact cards
 * grouped by owner (most overdue owner first), and the command for the rest.
 */
export async function digestView(
  deps: WorkflowDeps,
  subscription: DigestSubscription,
  content: DigestContent,
): Promise<{ view: DigestView; actions: Action[] }> {
  const { locale: workspaceLocale } = await deps.workspace.get();
  const reader = digestReader(subscription, workspaceLocale);
  const locale = reader.locale;
  const ownerIds = content.owners.map((owner) => owner.ownerUserId).filter((id): id is string => id !== null);
  const users = new Map((await deps.stores.users.getMany(ownerIds)).map((user) => [user.id, user.name]));
  const ownerName = (id: string | null) => (id ? (users.get(id) ?? id) : say(locale, 'digest.nobody'));
  const cards = await actionCards(
    {
      stores: deps.stores,
      actor: reader,
      now: deps.clock(),
      timeZone: subscription.schedule.timeZone,
      shared: true,
      compact: true,
    },
    content.top,
  );
  const cardOf = new Map(cards.map((card) => [card.actionId, card]));
  const order = content.owners.map((owner) => owner.ownerUserId);
  for (const action of content.top) if (!order.includes(action.ownerUserId)) order.push(action.ownerUserId);
  const sections = order.flatMap((ownerUserId) => {
    const items = content.top
      .filter((action) => action.ownerUserId === ownerUserId)
      .map((action) => cardOf.get(action.id)!);
    if (items.length === 0) return [];
    const count = content.owners.find((owner) => owner.ownerUserId === ownerUserId)?.count ?? items.length;
    return [
      {
        colour: 'overdue' as const,
        heading: say(locale, 'digest.owner-heading', { owner: ownerName(ownerUserId), count }),
        items,
        total: items.length,
      },
    ];
  });
  const perOwner = content.owners
    .map((owner) => `${ownerName(owner.ownerUserId)} ${owner.count}`)
    .join(' · ');
  const notes = [
    subscription.audienceRole
      ? say(locale, 'digest.audience-role', {
          role: subscription.audienceRole,
          by: await creatorName(deps, subscription),
        })
      : say(locale, 'digest.audience-everyone'),
    ...(content.overdue.total === 0 ? [say(locale, 'digest.nothing-overdue')] : []),
  ];
  const hidden = content.overdue.total - content.top.length;
  const view: DigestView = {
    kind: 'digest',
    title: `${say(locale, 'digest.title')} · ${subscription.addressLabel}`,
    summary: [
      { label: say(locale, 'digest.overdue'), value: countText(content.overdue, locale) },
      { label: say(locale, 'digest.today'), value: countText(content.today, locale) },
      { label: say(locale, 'digest.week'), value: countText(content.week, locale) },
      ...(perOwner ? [{ label: say(locale, 'digest.per-owner'), value: perOwner }] : []),
    ],
    notes,
    sections,
    ...(hidden > 0
      ? { more: say(locale, 'digest.more', { count: content.overdue.exact ? hidden : `${hidden}+` }) }
      : {}),
  };
  return { view, actions: content.top };
}

async function creatorName(deps: WorkflowDeps, subscription: DigestSubscription): Promise<string> {
  return (await deps.stores.users.get(subscription.setBy))?.name ?? subscription.setBy;
}
