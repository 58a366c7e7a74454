import type { ChatDelivery } from '../../delivery/port.js';
import type { Action } from '../../domain/actions/index.js';
import { type Coded, codedText } from '../../i18n/coded/index.js';
import { formatMoment, type MessageKey, translate } from '../../i18n/messages.js';
import type { WorkflowDeps } from '../deps.js';

/** The notices about one action's execution and moments; opening notices are in notices/opened.ts. */
export type OwnerNoticeKey = Extract<
  MessageKey,
  'notify.failed' | 'notify.rejected' | 'notify.reminder' | 'notify.overdue'
>;

/**
 * Tells the owner of an action something, in their language, through the chat delivery port. Notices are
 * best effort: a chat outage must not undo or block the state change they report on.
 */
export async function notifyOwner(
  deps: WorkflowDeps,
  chat: ChatDelivery,
  action: Action,
  key: OwnerNoticeKey,
  reason?: Coded,
): Promise<boolean> {
  if (!action.ownerUserId || !chat.available) return false;
  const owner = await deps.stores.users.get(action.ownerUserId);
  if (!owner?.active) return false;
  const { calendar } = await deps.workspace.get();
  const end = formatMoment(action.end, owner.locale, owner.timeZone ?? calendar.timeZone);
  const text = translate(owner.locale, key, {
    number: action.number,
    name: action.name,
    reason: reason ? (codedText(reason, owner.locale) ?? reason.code) : '',
    end,
  });
  try {
    const result = await chat.send(
      { kind: 'user', userId: owner.id },
      {
        purpose: purposeOf(key),
        text,
        actionId: action.id,
        dedupeKey: `${key}:${action.id}:${action.version}`,
      },
    );
    if (!result.ok)
      deps.logger.warn({ actionId: action.id, reason: result.reason }, 'owner notice not delivered');
    return result.ok;
  } catch (error) {
    deps.logger.warn({ err: error, actionId: action.id }, 'owner notice failed');
    return false;
  }
}

function purposeOf(key: OwnerNoticeKey) {
  switch (key) {
    case 'notify.failed':
      return 'failure' as const;
    case 'notify.rejected':
      return 'rejection' as const;
    case 'notify.reminder':
      return 'reminder' as const;
    case 'notify.overdue':
      return 'overdue' as const;
  }
}
