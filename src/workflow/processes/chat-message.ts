import { renderMergeText } from '../../domain/merge-codes/index.js';
import type { Process } from '../../domain/templates/index.js';
import { done, type ProcessHandler, rejected } from './types.js';

type ChatProcess = Extract<Process, { type: 'chat-message' }>;

/** A message to a channel or a person through the chat delivery port; no chat platform means failure. */
export const chatMessage: ProcessHandler<ChatProcess> = async (input, process) => {
  const { ports, context, workspace, action } = input;
  const user =
    process.target.kind === 'user' ? await input.deps.stores.users.get(process.target.userId) : undefined;
  if (process.target.kind === 'user' && !user?.active) {
    return rejected('chat-message.unknown-user', `No active user ${process.target.userId}`);
  }
  const text = renderMergeText(process.text, context, {
    locale: workspace.locale,
    timeZone: workspace.calendar.timeZone,
  });
  const target = process.target;
  return {
    ok: true,
    preview: { type: 'chat-message', target: user ? { ...target, name: user.name } : target, text },
    run: async () => {
      if (!ports.chat.available) {
        return {
          status: 'failed',
          code: 'chat-message.no-chat-platform',
          error: 'No chat platform is configured',
          retryable: false,
        };
      }
      const result = await ports.chat.send(target, {
        purpose: 'process',
        text,
        actionId: action.id,
        dedupeKey: `process:${action.id}`,
      });
      if (result.ok)
        return done(
          'chat message queued for delivery',
          'chat-message.queued',
          undefined,
          result.ref ? { ref: result.ref } : undefined,
        );
      return {
        status: 'failed',
        code: 'chat-message.delivery-failed',
        error: result.reason,
        retryable: !result.permanent,
      };
    },
  };
};
