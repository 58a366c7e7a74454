import type { Activity } from '@microsoft/agents-activity';
import { type ChatCommand, isParseFailure, parseCommand } from '../../src/chat/commands/grammar.js';
import { formOptions } from '../../src/chat/forms/index.js';
import { type ChatContext, handleCommand } from '../../src/chat/handle.js';
import type { ChatView, FormView } from '../../src/chat/model.js';

/**
 * The command in a message: the bot's own @mention taken out (channels and group chats) and Teams'
 * markup undone. `/actie` in front is optional, as the grammar already allows.
 */
export function commandTextOf(activity: Activity): string {
  activity.normalizeMentions(true);
  return (activity.text ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Commands that only look: safe to run again for whoever views a card (its refresh). */
const readingCommands = new Set<ChatCommand['name']>([
  'help',
  'mine',
  'list',
  'show',
  'preview',
  'execute',
  'templates',
  'template',
  'new-form',
]);

/** True when running the text changes nothing; unreadable input is answered with the help. */
export function isReadOnlyCommand(text: string): boolean {
  const parsed = parseCommand(text);
  return isParseFailure(parsed) || readingCommands.has(parsed.name);
}

export function isFormCommand(text: string): boolean {
  const parsed = parseCommand(text);
  return !isParseFailure(parsed) && parsed.name === 'new-form';
}

/**
 * Search fields get their choices here: what matches the query typed into the card (everything when
 * nothing was typed yet), as many as the card can show.
 */
export async function withSearchChoices(
  context: ChatContext,
  views: readonly ChatView[],
  queries: Readonly<Record<string, string>> = {},
): Promise<ChatView[]> {
  return Promise.all(
    views.map(async (view): Promise<ChatView> => {
      if (view.kind !== 'form') return view;
      const fields = await Promise.all(
        view.fields.map(async (field) =>
          field.type === 'search' && field.source
            ? { ...field, options: await formOptions(context, field.source, queries[field.name] ?? '') }
            : field,
        ),
      );
      return { ...view, fields } satisfies FormView;
    }),
  );
}

/** A command's answer (input the grammar does not know already comes with the help), forms filled. */
export async function commandViews(context: ChatContext, text: string): Promise<ChatView[]> {
  return withSearchChoices(context, await handleCommand(context, text));
}
