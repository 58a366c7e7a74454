import type { Action } from '../../domain/actions/index.js';
import { formatMoment } from '../../i18n/messages.js';
import type { ActionDetailsView } from '../model.js';
import { say } from '../texts.js';
import { actionCards, type ViewContext } from './action-card.js';
import { historyReason } from './history.js';

/** The newest history entries a details view shows; platforms may show fewer. */
const historyShown = 15;

/** The card plus what a card leaves out: template, priority, who stamped it, and its history, newest first. */
export async function actionDetails(context: ViewContext, action: Action): Promise<ActionDetailsView> {
  const { actor, timeZone, stores } = context;
  const locale = actor.locale;
  const [card] = await actionCards(context, [action]);
  const actorIds = [
    ...new Set(
      [action.stampedBy, ...action.history.map((entry) => entry.actorUserId)].filter((id) => id !== 'system'),
    ),
  ];
  const names = new Map((await stores.users.getMany(actorIds)).map((user) => [user.id, user.name]));
  const who = (id: string) => (id === 'system' ? say(locale, 'actor.system') : (names.get(id) ?? id));
  const entries = [...action.history].reverse();
  const shown = entries.slice(0, historyShown);
  return {
    kind: 'action-details',
    card: card!,
    facts: [
      { label: say(locale, 'details.record'), value: card!.recordLabel },
      { label: say(locale, 'details.template'), value: action.templateKey },
      { label: say(locale, 'details.priority'), value: say(locale, `priority.${action.priority}`) },
      {
        label: say(locale, 'details.stamped'),
        value: `${formatMoment(action.stampedAt, locale, timeZone)} · ${who(action.stampedBy)}`,
      },
    ],
    history: shown.map((entry) => ({
      at: formatMoment(entry.at, locale, timeZone),
      text: [say(locale, `history.${entry.kind}`), who(entry.actorUserId), historyReason(entry, locale)]
        .filter(Boolean)
        .join(' · '),
    })),
    olderHistory: entries.length - shown.length,
  };
}
