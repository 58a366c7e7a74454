import type { Action } from '../domain/actions/index.js';
import { DomainError } from '../domain/errors.js';
import type { Locale } from '../domain/i18n/locale.js';
import { atTimeOfDay } from '../domain/timing/index.js';
import type { Coded } from '../i18n/coded/index.js';
import { groupLabel } from '../i18n/labels.js';
import { formatMoment } from '../i18n/messages.js';
import { readableAction } from '../workflow/actions/change-action.js';
import { assignAction, cancelAction, completeAction, snoozeAction } from '../workflow/actions/commands.js';
import { listActions } from '../workflow/actions/queries.js';
import { stampByHand } from '../workflow/actions/stamp-by-hand.js';
import { findUser } from '../workflow/admin/users.js';
import { type ExecutionResult, executeAction } from '../workflow/execution/execute-action.js';
import { previewAction } from '../workflow/execution/preview.js';
import { listTemplates, readableTemplate } from '../workflow/templates/queries.js';
import {
  type ChatCommand,
  isParseFailure,
  type ListFilters,
  type ParseFailure,
  parseCommand,
  parseSnooze,
  USAGE,
} from './commands/grammar.js';
import { type ChatContext, cardsFor, timeZoneOf, viewContextOf } from './context.js';
import { digestCommand } from './digest-command.js';
import { assignForm, snoozeForm } from './forms/action-forms.js';
import { newActionForm } from './forms/new-action.js';
import type { ChatView, TextView } from './model.js';
import { say, type TextKey } from './texts.js';
import { processSummary } from './views/action-card.js';
import { actionDetails } from './views/details.js';
import { errorView, reasonMessage } from './views/errors.js';
import { eventLabel } from './views/event-label.js';
import { previewView } from './views/preview.js';

export type { ChatContext } from './context.js';

/** How many cards a list shows; renderers may show fewer and say how many more there are. */
const listLimit = 20;

async function withCard(context: ChatContext, message: string, action: Action): Promise<ChatView[]> {
  const [card] = await cardsFor(context, [action]);
  return [{ kind: 'text', lines: [message] }, card!];
}

async function resolveOwner(context: ChatContext, word: string): Promise<string | null> {
  if (word === 'me') return context.actor.id;
  if (word === 'none') return null;
  const user = await findUser(context.deps, context.actor, word);
  if (!user) {
    throw new DomainError({
      category: 'not-found',
      code: 'user.not-found',
      field: 'owner',
      message: `No user ${word}`,
      details: { id: word },
    });
  }
  return user.id;
}

/** A date typed in chat means the viewer's local time; a bare date means the workspace's default hour. */
async function localMoment(context: ChatContext, text: string): Promise<Date> {
  const { calendar } = await context.deps.workspace.get();
  const timeZone = await timeZoneOf(context);
  const [day, time] = text.split('T');
  return atTimeOfDay(day!, time ?? calendar.defaultTimeOfDay, timeZone);
}

function parseFailureView(failure: ParseFailure, locale: Locale): ChatView {
  const usage = 'command' in failure ? USAGE[failure.command][locale] : '';
  const argumentKey = 'argument' in failure ? (`arg.${failure.argument}` as TextKey) : undefined;
  const argument = argumentKey ? say(locale, argumentKey) : '';
  const message =
    failure.error === 'unknown-command'
      ? say(locale, 'error.unknown-command', { word: failure.word })
      : failure.error === 'missing-argument'
        ? say(locale, 'error.missing-argument', { argument, usage })
        : say(locale, 'error.bad-argument', { argument, value: failure.value, usage });
  return { kind: 'error', code: `command.${failure.error}`, message, details: [] };
}

function helpView(locale: Locale): TextView {
  return {
    kind: 'text',
    title: say(locale, 'help.title'),
    lines: Object.values(USAGE).map((usage) => usage[locale]),
  };
}

async function list(context: ChatContext, filters: ListFilters, mine: boolean): Promise<ChatView[]> {
  // resolveOwner already maps 'me' to the actor and 'none' to unassigned.
  const ownerWord = mine ? 'me' : filters.owner;
  const owner = ownerWord === undefined ? undefined : await resolveOwner(context, ownerWord);
  const templateId = filters.template
    ? (await readableTemplate(context.deps, context.actor, filters.template)).id
    : undefined;
  const result = await listActions(context.deps, context.actor, {
    states: filters.states,
    owner,
    colour: filters.colour,
    templateId,
    limit: listLimit,
    skip: 0,
  });
  const locale = context.actor.locale;
  return [
    {
      kind: 'list',
      title: say(locale, mine ? 'list.mine' : 'list.all'),
      empty: say(locale, 'list.empty'),
      items: await cardsFor(context, result.items),
      total: result.total,
      totalExact: result.totalExact,
    },
  ];
}

function executionMessage(result: ExecutionResult, number: number, locale: Locale, timeZone: string): string {
  const text = (coded: Coded) => reasonMessage(coded, locale) ?? coded.code;
  switch (result.outcome) {
    case 'executed':
      return say(locale, 'result.executed', { number, summary: text(result.result) });
    case 'failed':
      return result.retryAt
        ? say(locale, 'result.retry', {
            number,
            error: text(result.coded),
            at: formatMoment(result.retryAt, locale, timeZone),
          })
        : say(locale, 'result.failed', { number, error: text(result.coded) });
    case 'rejected':
      return say(locale, 'result.rejected', { number, reason: text(result.coded) });
    case 'conditions-not-met':
      return say(locale, 'result.not-met', { number, reasons: text(result.coded) });
    case 'superseded':
      return say(locale, 'result.superseded', { number });
  }
}

async function execute(context: ChatContext, ref: string): Promise<ChatView[]> {
  const result = await executeAction(context.deps, context.execution, context.actor, ref);
  const action = 'action' in result ? result.action : await readableAction(context.deps, context.actor, ref);
  return withCard(
    context,
    executionMessage(result, action.number, context.actor.locale, await timeZoneOf(context)),
    action,
  );
}

async function preview(context: ChatContext, ref: string): Promise<ChatView[]> {
  const result = await previewAction(context.deps, context.execution, context.actor, ref);
  return [previewView(result, context.actor.locale, await timeZoneOf(context))];
}

async function run(context: ChatContext, command: ChatCommand): Promise<ChatView[]> {
  const { deps, actor } = context;
  const locale = actor.locale;
  switch (command.name) {
    case 'help':
      return [helpView(locale)];
    case 'mine':
      return list(context, command.filters, true);
    case 'list':
      return list(context, command.filters, false);
    case 'show':
      return cardsFor(context, [await readableAction(deps, actor, command.ref)]);
    case 'preview':
    case 'execute':
      // Execute from a command shows the preview first; the confirm button runs it.
      return preview(context, command.ref);
    case 'done': {
      const action = await completeAction(deps, actor, { ref: command.ref, note: command.note });
      return withCard(context, say(locale, 'result.done', { number: action.number }), action);
    }
    case 'cancel': {
      const action = await cancelAction(deps, actor, { ref: command.ref, reason: command.reason });
      return withCard(context, say(locale, 'result.cancelled', { number: action.number }), action);
    }
    case 'snooze': {
      const snooze =
        'until' in command.snooze
          ? { until: await localMoment(context, command.snooze.until) }
          : { by: command.snooze.by };
      const action = await snoozeAction(deps, actor, { ref: command.ref, ...snooze });
      const start = formatMoment(action.start, locale, await timeZoneOf(context));
      return withCard(context, say(locale, 'result.snoozed', { number: action.number, start }), action);
    }
    case 'assign': {
      const ownerUserId = await resolveOwner(context, command.owner);
      const action = await assignAction(deps, actor, { ref: command.ref, ownerUserId });
      const owner = ownerUserId
        ? ((await findUser(deps, actor, ownerUserId))?.name ?? ownerUserId)
        : say(locale, 'fact.nobody');
      return withCard(context, say(locale, 'result.assigned', { number: action.number, owner }), action);
    }
    case 'new-form':
      return [await newActionForm(context, command.template ? { template: command.template } : {})];
    case 'new': {
      const action = await stampByHand(deps, actor, {
        template: command.template,
        recordId: command.recordId,
        ...(command.owner ? { ownerUserId: await resolveOwner(context, command.owner) } : {}),
        ...(command.start ? { start: await localMoment(context, command.start) } : {}),
        ...(command.remarks ? { remarks: command.remarks } : {}),
      });
      return withCard(context, say(locale, 'result.stamped', { number: action.number }), action);
    }
    case 'digest':
      return digestCommand(context, command);
    case 'templates': {
      const templates = await listTemplates(deps, actor, command.search ? { text: command.search } : {});
      return [
        {
          kind: 'templates',
          title: say(locale, 'templates.title'),
          empty: say(locale, 'templates.empty'),
          items: templates.slice(0, listLimit).map((template) => ({
            key: template.key,
            name: template.name,
            dataGroup: groupLabel(template.dataGroup, locale),
            execution: say(locale, `execution.${template.execution}`),
            description: template.description,
          })),
          total: templates.length,
        },
      ];
    }
    case 'template': {
      const template = await readableTemplate(deps, actor, command.key);
      return [
        {
          kind: 'text',
          title: `${template.key} · ${template.name}`,
          lines: [
            `${say(locale, 'fact.execution')}: ${say(locale, `execution.${template.execution}`)} · ${groupLabel(template.dataGroup, locale)}`,
            ...(template.description ? [template.description] : []),
            ...(template.event
              ? [`${say(locale, 'fact.event')}: ${eventLabel(template.event, locale)}`]
              : []),
            ...(template.process
              ? [
                  `${say(locale, 'fact.process')}: ${processSummary(template.process, locale, template.dataGroup)}`,
                ]
              : []),
          ],
        },
      ];
    }
  }
}

/** Runs one `/actie` command for `actor`; failures come back as error views, never as exceptions. */
export async function handleCommand(context: ChatContext, text: string): Promise<ChatView[]> {
  const parsed = parseCommand(text);
  if (isParseFailure(parsed)) {
    const failure = parseFailureView(parsed, context.actor.locale);
    // A word the bot does not know gets the whole help; a known command only its usage line.
    return parsed.error === 'unknown-command' ? [failure, helpView(context.actor.locale)] : [failure];
  }
  try {
    return await run(context, parsed);
  } catch (error) {
    if (!(error instanceof DomainError))
      context.deps.logger.error({ err: error, command: parsed.name }, 'chat command failed');
    return [errorView(error, context.actor.locale)];
  }
}

/**
 * A button press. The payload is only `<verb>:<actionId>[:<argument>]`; the action is reloaded and the
 * presser's rights checked by the use case, exactly as if they had typed the command.
 */
export async function handleButton(context: ChatContext, payload: string): Promise<ChatView[]> {
  const [verb, actionId, argument] = payload.split(':');
  if (!verb || !actionId) return [errorView(new Error('malformed payload'), context.actor.locale)];
  try {
    switch (verb) {
      case 'done':
        return await run(context, { name: 'done', ref: actionId });
      case 'execute':
      case 'preview':
        return await preview(context, actionId);
      case 'confirm-execute':
        return await execute(context, actionId);
      case 'decline-execute': {
        const action = await readableAction(context.deps, context.actor, actionId);
        return withCard(
          context,
          say(context.actor.locale, 'result.declined', { number: action.number }),
          action,
        );
      }
      case 'snooze':
        return await run(context, {
          name: 'snooze',
          ref: actionId,
          snooze: parseSnooze([argument ?? '1d']) ?? { by: { amount: 1, unit: 'days' } },
        });
      case 'assign':
        return await run(context, { name: 'assign', ref: actionId, owner: argument ?? 'me' });
      case 'assign-pick':
        return [await assignForm(context, actionId)];
      case 'snooze-pick':
        return [await snoozeForm(context, actionId)];
      case 'details': {
        const action = await readableAction(context.deps, context.actor, actionId);
        return [await actionDetails(await viewContextOf(context), action)];
      }
      case 'cancel':
        return await run(context, { name: 'cancel', ref: actionId });
      case 'show':
        return await run(context, { name: 'show', ref: actionId });
      default:
        return [
          errorView(
            new DomainError({
              category: 'invalid-input',
              code: 'button.unknown',
              message: `unknown button ${verb}`,
            }),
            context.actor.locale,
          ),
        ];
    }
  } catch (error) {
    if (!(error instanceof DomainError)) context.deps.logger.error({ err: error, verb }, 'button failed');
    return [errorView(error, context.actor.locale)];
  }
}
