import type { ActionCardView, ChatView } from '../../../src/chat/model.js';
import { formatMoment } from '../../../src/i18n/messages.js';
import type { ColourCounts } from '../glance.js';
import type { InboxMessage } from '../inbox.js';
import { renderActionCard } from '../render/card.js';
import type { RenderContext } from '../render/context.js';
import { html, type SafeHtml } from '../render/html.js';
import { renderViewsHtml } from '../render/renderer.js';
import { consoleText } from '../texts.js';
import { renderGlance } from './glance.js';
import { type IdentityBar, renderPage } from './layout.js';

/** A notice from the inbox with the current card of the action it is about, when the viewer may see it. */
export interface InboxEntry {
  message: InboxMessage;
  card?: ActionCardView;
}

const quickCommands = {
  en: ['/actie mine', '/actie list', '/actie list overdue', '/actie templates', '/actie help'],
  nl: ['/actie mijn', '/actie lijst', '/actie lijst te-laat', '/actie sjablonen', '/actie hulp'],
} as const;

export function renderInboxEntry(entry: InboxEntry, context: RenderContext, timeZone: string): SafeHtml {
  const { message, card } = entry;
  const { basePath, csrfToken, locale } = context;
  const where =
    message.target.kind === 'channel'
      ? ` ${consoleText(locale, 'inbox.channel', { channel: message.target.channel })}`
      : '';
  return html`<li class="msg msg-bot msg-notice purpose-${message.purpose}" data-inbox-id="${message.id}">
<p class="msg-meta">${consoleText(locale, 'inbox.notice')}${where} · <time datetime="${message.createdAt.toISOString()}">${formatMoment(message.createdAt, locale, timeZone)}</time></p>
${message.text && html`<p class="notice-text">${message.text}</p>`}
${message.views && renderViewsHtml(message.views, context)}
${card && renderActionCard(card, context)}
<form class="ack" method="post" action="${basePath}/inbox/${encodeURIComponent(message.id)}/ack">
<input type="hidden" name="csrf" value="${csrfToken}">
<button type="submit" class="btn btn-link">${consoleText(locale, 'inbox.ack')}</button>
</form>
</li>`;
}

/** One turn of the conversation: what the user typed (when they typed) and the bot's reply. */
export function renderExchange(
  text: string | undefined,
  views: readonly ChatView[],
  context: RenderContext,
): SafeHtml {
  return html`${text && html`<li class="msg msg-user"><span class="visually-hidden">${consoleText(context.locale, 'chat.you')}: </span>${text}</li>`}
<li class="msg msg-bot"><span class="visually-hidden">${consoleText(context.locale, 'chat.bot')}: </span>${renderViewsHtml(views, context)}</li>`;
}

export interface ChatPageInput {
  context: RenderContext;
  identity: IdentityBar & { mode: 'pick' | 'token' };
  timeZone: string;
  inbox: readonly InboxEntry[];
  glance: ColourCounts;
  /** Without script a command or button posts the whole page; its reply is shown here. */
  reply?: SafeHtml;
}

export function renderChatPage(input: ChatPageInput): string {
  const { context, identity } = input;
  const { basePath, csrfToken, locale } = context;
  const title = consoleText(locale, 'chat.title');
  const welcome = consoleText(locale, 'chat.welcome', { name: identity.current.name });
  return renderPage(
    { context, title, page: 'chat', identity },
    html`<div class="chat-layout"><section class="chat">
<h1 class="visually-hidden">${title}</h1>
<ol id="conversation" class="conversation" aria-live="polite" aria-relevant="additions" aria-label="${consoleText(locale, 'chat.conversation')}">
<li class="msg msg-bot"><p>${welcome}</p></li>
${input.inbox.map((entry) => renderInboxEntry(entry, context, input.timeZone))}
${input.reply}
</ol>
<form id="command-form" class="command" method="post" action="${basePath}/command">
<input type="hidden" name="csrf" value="${csrfToken}">
<label for="command">${consoleText(locale, 'chat.command-label')}</label>
<div class="command-row">
<input id="command" name="text" type="text" autocomplete="off" spellcheck="false" placeholder="${quickCommands[locale][0]}" aria-describedby="command-hint" autofocus>
<button type="submit" class="btn btn-primary">${consoleText(locale, 'chat.send')}</button>
</div>
<p id="command-hint" class="hint">${consoleText(locale, 'chat.hint')}</p>
</form>
<form class="quick" method="post" action="${basePath}/command" aria-label="${consoleText(locale, 'chat.quick')}">
<input type="hidden" name="csrf" value="${csrfToken}">
${quickCommands[locale].map((command) => html`<button type="submit" name="text" value="${command}" class="chip">${command}</button>`)}
</form>
</section>
${renderGlance(input.glance, input.inbox.length, context)}</div>`,
  );
}
