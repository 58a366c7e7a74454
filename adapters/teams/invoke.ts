import type {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  TurnContext,
} from '@microsoft/agents-hosting';
import type { FormValues } from '../../src/chat/forms/index.js';
import { rebuildForm, submitForm } from '../../src/chat/forms/index.js';
import { type ChatContext, handleButton } from '../../src/chat/handle.js';
import type { ChatView } from '../../src/chat/model.js';
import { say } from '../../src/chat/texts.js';
import { errorView } from '../../src/chat/views/errors.js';
import { ADAPTIVE_CARD } from './activities.js';
import type { TeamsBotDeps } from './bot-deps.js';
import {
  type CardData,
  CardDataSchema,
  type CardHome,
  FIELD_INPUT_PREFIX,
  SEARCH_INPUT_PREFIX,
} from './card-data.js';
import { withSearchChoices } from './commands.js';
import { headerOf, homeAfterForm, homeBody, isNavigation, resultWithHome } from './home.js';
import { localeOfTeams, senderOf } from './identity.js';
import { type AdaptiveCard, renderTeamsCard } from './render/index.js';
import { teamsText } from './texts.js';

interface Shown {
  views: ChatView[];
  home: CardHome | undefined;
  back: boolean;
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD, value: card as unknown as Record<string, unknown> };
}

/** A line Teams shows beside the card, which stays as it was. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

export function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}

type Inputs = Readonly<Record<string, unknown>>;

/** The form's values as the neutral forms read them; a date and a time input become one local moment. */
function formValuesOf(inputs: Inputs): FormValues {
  const values: Record<string, string> = {};
  const moments: Record<string, { date?: string; time?: string }> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value !== 'string' || !key.startsWith(FIELD_INPUT_PREFIX)) continue;
    const name = key.slice(FIELD_INPUT_PREFIX.length);
    const part = /^(.+)\.(date|time)$/.exec(name);
    if (part) moments[part[1]!] = { ...moments[part[1]!], [part[2]!]: value.trim() };
    else values[name] = value;
  }
  for (const [name, { date, time }] of Object.entries(moments)) {
    values[name] = date && time ? `${date}T${time.slice(0, 5)}` : (date ?? time ?? '');
  }
  return values;
}

function searchQueriesOf(inputs: Inputs): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs)
      .filter(([key, value]) => key.startsWith(SEARCH_INPUT_PREFIX) && typeof value === 'string')
      .map(([key, value]) => [key.slice(SEARCH_INPUT_PREFIX.length), (value as string).trim()]),
  );
}

/** The rebuilding field whose value differs from what the card showed, if any. */
function changedField(
  prior: Readonly<Record<string, string>> | undefined,
  values: FormValues,
): string | undefined {
  return Object.entries(prior ?? {}).find(([name, before]) => (values[name] ?? '') !== before)?.[0];
}

async function formShown(
  chat: ChatContext,
  data: Extract<CardData, { s: 'form' }>,
  inputs: Inputs,
): Promise<Shown> {
  const values = formValuesOf(inputs);
  const queries = searchQueriesOf(inputs);
  const asForm = async (views: ChatView[]): Promise<Shown> => ({
    views: [...headerOf(data.h), ...(await withSearchChoices(chat, views, queries))],
    home: data.h,
    back: Boolean(data.h),
  });
  if (data.op === 'rebuild') {
    try {
      return await asForm([await rebuildForm(chat, data.f, values, changedField(data.prior, values))]);
    } catch (error) {
      return asForm([errorView(error, chat.actor.locale)]);
    }
  }
  const outcome = await submitForm(chat, data.f, values);
  if (outcome.kind === 'invalid') return asForm([outcome.form]);
  return { ...(await resultWithHome(chat, outcome.views, homeAfterForm(data.h))), back: false };
}

async function shownFor(chat: ChatContext, data: CardData, inputs: Inputs): Promise<Shown> {
  switch (data.s) {
    case 'refresh':
    case 'back':
      return data.h
        ? { views: [...headerOf(data.h), ...(await homeBody(chat, data.h))], home: data.h, back: false }
        : {
            views: [{ kind: 'text', lines: [say(chat.actor.locale, 'card.not-visible')] }],
            home: undefined,
            back: false,
          };
    case 'button': {
      const views = await withSearchChoices(chat, await handleButton(chat, data.p));
      if (isNavigation(views))
        return { views: [...headerOf(data.h), ...views], home: data.h, back: Boolean(data.h) };
      return { ...(await resultWithHome(chat, views, data.h)), back: false };
    }
    case 'form':
      return formShown(chat, data, inputs);
  }
}

/**
 * An `adaptiveCard/action` invoke (Universal Actions): a button, a form, Back, or Teams refreshing the
 * card for a viewer. The answer is the card as this viewer should now see it. Every press goes through
 * the use cases with the presser's rights; people Stempel does not know get an explanation, never data.
 */
export async function answerCardAction(
  bot: TeamsBotDeps,
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
): Promise<AdaptiveCardInvokeResponse> {
  const inputs = (value.action.data ?? {}) as Inputs;
  const parsed = CardDataSchema.safeParse(inputs.stempel);
  if (!parsed.success) {
    const locale = localeOfTeams(context.activity.locale, (await bot.deps.workspace.get()).locale);
    return errorResponse(400, 'BadRequest', teamsText(locale, 'card.not-ours'));
  }
  const sender = await senderOf(bot.deps, context, bot.connectorKey, bot.homeTenant);
  if (!sender.user) {
    const text = say(sender.locale, 'identity.unknown', { who: sender.who });
    return parsed.data.s === 'refresh'
      ? cardResponse(renderTeamsCard([{ kind: 'text', lines: [text] }], { locale: sender.locale }))
      : messageResponse(text);
  }
  const chat: ChatContext = { deps: bot.deps, execution: bot.execution, actor: sender.user };
  const shown = await shownFor(chat, parsed.data, inputs);
  return cardResponse(
    renderTeamsCard(shown.views, {
      locale: sender.locale,
      back: shown.back,
      ...(shown.home ? { home: shown.home } : {}),
      ...(sender.teamsId ? { refreshUserIds: [sender.teamsId] } : {}),
    }),
  );
}
