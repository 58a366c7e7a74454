import { type ChatContext, handleButton } from '../../src/chat/handle.js';
import type { ActionCardView, ChatView, TextView } from '../../src/chat/model.js';
import { say } from '../../src/chat/texts.js';
import type { CardHome } from './card-data.js';
import { commandViews, isFormCommand, isReadOnlyCommand } from './commands.js';

/** The public lines a home keeps at its top (a group chat's "Ans asked: …"), as a view. */
export function headerOf(home: CardHome | undefined): TextView[] {
  return home?.t?.length ? [{ kind: 'text', lines: home.t }] : [];
}

export function cardsIn(views: readonly ChatView[]): ActionCardView[] {
  return views.filter((view): view is ActionCardView => view.kind === 'action-card');
}

/** A home showing the cards among these views, if there are any. */
export function homeOfCards(views: readonly ChatView[], header?: string[]): CardHome | undefined {
  const ids = [...new Set(cardsIn(views).map((card) => card.actionId))].slice(0, 50);
  return ids.length > 0 ? { ids, ...(header?.length ? { t: header } : {}) } : undefined;
}

/**
 * A home's content for this viewer, now: the actions' cards as far as they may see them, or the answer to
 * the command. A command that changes anything is never run from a card (its text came back from
 * outside); the help is shown instead.
 */
export async function homeBody(context: ChatContext, home: CardHome): Promise<ChatView[]> {
  if ('c' in home) return commandViews(context, isReadOnlyCommand(home.c) ? home.c : 'help');
  const answers = await Promise.all(home.ids.map((id) => handleButton(context, `show:${id}`)));
  const cards = cardsIn(answers.flat());
  return cards.length > 0
    ? cards
    : [{ kind: 'text', lines: [say(context.actor.locale, 'card.not-visible')] }];
}

/** Forms come and go; after one is submitted its answer is shown rather than an empty form again. */
export function homeAfterForm(home: CardHome | undefined): CardHome | undefined {
  return home && 'c' in home && isFormCommand(home.c) ? undefined : home;
}

/** Views that lead away from the card (a preview, a form, the details): shown with Back to the home. */
export function isNavigation(views: readonly ChatView[]): boolean {
  return views.some(
    (view) => view.kind === 'form' || view.kind === 'preview' || view.kind === 'action-details',
  );
}

/**
 * After a button or form acted: its result lines above the home as it is now. When the answer already
 * holds every card the home shows (the usual single-action card), those are used as they are.
 */
export async function resultWithHome(
  context: ChatContext,
  views: readonly ChatView[],
  home: CardHome | undefined,
): Promise<{ views: ChatView[]; home: CardHome | undefined }> {
  if (!home) return { views: [...views], home: homeOfCards(views) };
  const answered = new Set(cardsIn(views).map((card) => card.actionId));
  if ('ids' in home && home.ids.every((id) => answered.has(id))) {
    return { views: [...headerOf(home), ...views], home };
  }
  const lines = views.filter((view) => view.kind === 'text' || view.kind === 'error');
  return { views: [...headerOf(home), ...lines, ...(await homeBody(context, home))], home };
}
