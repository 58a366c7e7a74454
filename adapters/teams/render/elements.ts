import type { ButtonView, FactView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { type CardData, type CardHome, executeData } from '../card-data.js';
import { teamsText } from '../texts.js';

/** Adaptive Card JSON, loosely typed: the adaptivecards library checks the real shape in the tests. */
export type CardElement = { type: string } & Record<string, unknown>;
export type CardAction = { type: 'Action.Execute' | 'Action.ShowCard'; title: string } & Record<
  string,
  unknown
>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  refresh?: { action: CardAction; userIds: string[] };
}

/**
 * Teams' limits (docs/teams.md): a message of at most 28 KB, and at most six buttons in a row before the
 * rest disappear into an overflow menu. The card itself gets what the activity around it leaves.
 */
export const TEAMS_LIMITS = {
  activityBytes: 28 * 1024,
  cardBytes: 26 * 1024,
  actionsPerSet: 6,
} as const;

/** How much of each kind a card shows; the renderer lowers these until the card fits the budget. */
export interface ContentLimits {
  items: number;
  options: number;
  history: number;
  textChars: number;
}

/** What every builder needs: the viewer's language, where buttons return to, and the current limits. */
export interface RenderState {
  locale: Locale;
  home: CardHome | undefined;
  limits: ContentLimits;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export interface TextOptions {
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  color?: 'attention' | 'warning' | 'good' | 'accent';
  subtle?: boolean;
  spacing?: 'none' | 'small' | 'medium';
  separator?: boolean;
}

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.weight ? { weight: options.weight } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
    ...(options.separator ? { separator: true } : {}),
  };
}

export function factSet(facts: readonly FactView[], maxChars: number): CardElement {
  return {
    type: 'FactSet',
    facts: facts.map((fact) => ({ title: clip(fact.label, 100), value: clip(fact.value, maxChars) })),
  };
}

export function container(items: CardElement[], separator: boolean): CardElement {
  return { type: 'Container', items, ...(separator ? { separator: true, spacing: 'medium' } : {}) };
}

/** Buttons in a row, never more than Teams shows without an overflow menu. */
export function actionSet(actions: readonly CardAction[]): CardElement[] {
  return actions.length === 0
    ? []
    : [{ type: 'ActionSet', actions: actions.slice(0, TEAMS_LIMITS.actionsPerSet) }];
}

type ExecuteStyle = 'positive' | 'destructive' | undefined;

/**
 * A Universal Action. Buttons outside forms send no inputs: a card with a form and other buttons must
 * not submit half-filled fields when one of those is pressed.
 */
export function executeAction(
  title: string,
  verb: string,
  data: CardData,
  options: { style?: ExecuteStyle; inputs?: boolean } = {},
): CardAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: executeData(data),
    associatedInputs: options.inputs ? 'auto' : 'none',
    ...(options.style ? { style: options.style } : {}),
  };
}

function styleOf(button: ButtonView): ExecuteStyle {
  if (button.style === 'primary') return 'positive';
  return button.style === 'danger' ? 'destructive' : undefined;
}

function showCard(title: string, body: CardElement[]): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body } };
}

/**
 * A neutral button as Teams shows it: a press, a menu of choices (Snooze: 1 day, 3 days, …) folded out
 * under the card, or a question to confirm first (Cancel) folded out the same way.
 */
export function buttonAction(button: ButtonView, state: RenderState): CardAction {
  const press = (label: string, payload: string, style: ExecuteStyle) =>
    executeAction(
      label,
      payload.split(':')[0] ?? button.verb,
      { s: 'button', p: payload, h: state.home },
      {
        style,
      },
    );
  if (button.choices) {
    return showCard(
      button.label,
      actionSet(button.choices.map((choice) => press(choice.label, choice.payload, undefined))),
    );
  }
  const action = press(button.label, button.payload, styleOf(button));
  return button.confirm
    ? showCard(button.label, [textBlock(button.confirm), ...actionSet([action])])
    : action;
}

export function backAction(state: RenderState): CardAction {
  return executeAction(teamsText(state.locale, 'button.back'), 'back', { s: 'back', h: state.home });
}

/** "… and N more"; "more than N" when the total was a bound (`exact` false). */
export function moreLine(locale: Locale, hidden: number, exact = true): CardElement[] {
  const key = exact ? 'more.items' : 'more.items-at-least';
  return hidden > 0 ? [textBlock(say(locale, key, { count: hidden }), { subtle: true })] : [];
}
