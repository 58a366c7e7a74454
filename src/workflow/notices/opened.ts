import type { ChatDelivery } from '../../delivery/port.js';
import type { Action } from '../../domain/actions/index.js';
import { formatMoment, translate } from '../../i18n/messages.js';
import type { WorkflowDeps } from '../deps.js';

/** A batch that opens more actions than this for one person is one message listing the first ones. */
const listed = 10;

/** Who an action just opened for, and who did it: nobody is told about what they did themselves. */
function openedFor(action: Action): { owner: string; by: string } | undefined {
  if (action.state !== 'open' || !action.ownerUserId) return undefined;
  const last = action.history.at(-1);
  if (!last) return undefined;
  const opened =
    last.kind === 'stamped' ||
    last.kind === 'revealed' ||
    (last.kind === 'owner-changed' && last.after === action.ownerUserId);
  if (!opened || last.actorUserId === action.ownerUserId) return undefined;
  return { owner: action.ownerUserId, by: last.actorUserId };
}

/**
 * Tells people when an action opens for them (docs/delivery.md): stamped open with them as owner, revealed
 * when its conditions came to hold, or given to them by someone else. One action is a message with its
 * card; a batch of several (a course stamping ten templates) is one message listing them. Sent through
 * the outbox right after the write, with a dedupe key per action and owner, so a repeated write tells
 * nobody twice; the start reminder follows at the start moment as always.
 */
export async function noticeOpenedActions(
  deps: WorkflowDeps,
  chat: ChatDelivery,
  actions: readonly Action[],
): Promise<void> {
  const byOwner = new Map<string, Action[]>();
  for (const action of actions) {
    const opened = openedFor(action);
    if (opened) byOwner.set(opened.owner, [...(byOwner.get(opened.owner) ?? []), action]);
  }
  if (byOwner.size === 0) return;
  const { calendar } = await deps.workspace.get();
  const owners = await deps.stores.users.getMany([...byOwner.keys()]);
  for (const owner of owners) {
    const opened = byOwner.get(owner.id) ?? [];
    if (!owner.active || opened.length === 0) continue;
    const zone = owner.timeZone ?? calendar.timeZone;
    const [first] = opened;
    const message =
      opened.length === 1 && first
        ? {
            text: translate(owner.locale, 'notify.opened', {
              number: first.number,
              name: first.name,
              end: formatMoment(first.end, owner.locale, zone),
            }),
            actionId: first.id,
          }
        : {
            text: translate(owner.locale, 'notify.opened-many', {
              count: opened.length,
              list: [
                ...opened.slice(0, listed).map((action) => `${action.number} "${action.name}"`),
                ...(opened.length > listed ? ['…'] : []),
              ].join(', '),
            }),
          };
    const key = opened.map((action) => `${action.id}:${action.version}`).join(',');
    const result = await chat.send(
      { kind: 'user', userId: owner.id },
      { purpose: 'reminder', dedupeKey: `opened:${owner.id}:${key}`, ...message },
    );
    if (!result.ok) deps.logger.debug({ owner: owner.id, reason: result.reason }, 'opened notice not queued');
  }
}
