import type { ActionCardView, ActionDetailsView, ButtonView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { ActionColour } from '../../../src/domain/timing/index.js';
import {
  actionSet,
  backAction,
  buttonAction,
  type CardElement,
  clip,
  factSet,
  type RenderState,
  type TextOptions,
  textBlock,
} from './elements.js';

/** The colour code in Teams' palette: overdue red, today orange, everything else plain. */
const colourOf: Record<ActionColour, TextOptions['color']> = {
  overdue: 'attention',
  today: 'warning',
  future: undefined,
  closed: undefined,
};

function buttonsOf(buttons: readonly ButtonView[], state: RenderState, without: ButtonView['verb'][] = []) {
  return actionSet(
    buttons.filter((button) => !without.includes(button.verb)).map((b) => buttonAction(b, state)),
  );
}

/** What a card says about its action, without buttons. */
function cardFacts(card: ActionCardView, state: RenderState): CardElement[] {
  const { textChars } = state.limits;
  return [
    textBlock(clip(`#${card.number} · ${card.title}`, 300), { weight: 'bolder' }),
    textBlock(clip(card.recordLabel, 300), { subtle: true, spacing: 'none' }),
    textBlock(`${card.colourLabel} · ${card.stateLabel}`, {
      spacing: 'small',
      weight: 'bolder',
      ...(colourOf[card.colour] ? { color: colourOf[card.colour] } : {}),
    }),
    ...(card.reason ? [textBlock(clip(card.reason, textChars), { color: 'attention' })] : []),
    ...(card.processSummary ? [textBlock(clip(card.processSummary, textChars), { subtle: true })] : []),
    factSet(card.facts, textChars),
  ];
}

export function actionCardElements(card: ActionCardView, state: RenderState): CardElement[] {
  return [...cardFacts(card, state), ...buttonsOf(card.buttons, state)];
}

/** Everything about one action: its card, the facts a card leaves out, and its history, newest first. */
export function detailsElements(view: ActionDetailsView, state: RenderState): CardElement[] {
  const { locale, limits } = state;
  const history = view.history.slice(0, limits.history);
  const older = view.olderHistory + view.history.length - history.length;
  return [
    ...cardFacts(view.card, state),
    factSet(view.facts, limits.textChars),
    textBlock(say(locale, 'details.history'), { weight: 'bolder', spacing: 'medium' }),
    ...history.map((entry) =>
      textBlock(clip(`${entry.at} · ${entry.text}`, limits.textChars), { spacing: 'none' }),
    ),
    ...(older > 0 ? [textBlock(say(locale, 'details.older', { count: older }), { subtle: true })] : []),
    ...actionSet([
      ...view.card.buttons
        .filter((button) => button.verb !== 'details')
        .map((button) => buttonAction(button, state)),
      backAction(state),
    ]),
  ];
}
