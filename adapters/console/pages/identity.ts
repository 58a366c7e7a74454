import type { User } from '../../../src/domain/rights/user.js';
import type { RenderContext } from '../render/context.js';
import { html } from '../render/html.js';
import { consoleText } from '../texts.js';
import { renderPage, userOptions } from './layout.js';

/** The loopback console's front door: pick a user to act as. */
export function renderPickPage(context: RenderContext, users: readonly User[]): string {
  const { basePath, csrfToken, locale } = context;
  const title = consoleText(locale, 'identity.pick-title');
  const body =
    users.length === 0
      ? html`<p class="empty">${consoleText(locale, 'identity.no-users')}</p>`
      : html`<form class="stack" method="post" action="${basePath}/identity">
<input type="hidden" name="csrf" value="${csrfToken}">
<label for="pick-user">${consoleText(locale, 'identity.acting-as')}</label>
<select id="pick-user" name="userId" autofocus>${userOptions(users, undefined, context)}</select>
<button type="submit" class="btn btn-primary">${consoleText(locale, 'identity.pick-button')}</button>
</form>`;
  return renderPage(
    { context, title, page: 'identity', identity: { mode: 'none' } },
    html`<section class="panel narrow"><h1>${title}</h1><p>${consoleText(locale, 'identity.pick-intro')}</p>${body}</section>`,
  );
}

/** The exposed console's front door: sign in with an API token. */
export function renderLoginPage(context: RenderContext, problem?: string): string {
  const { basePath, csrfToken, locale } = context;
  const title = consoleText(locale, 'login.title');
  return renderPage(
    { context, title, page: 'identity', identity: { mode: 'none' } },
    html`<section class="panel narrow"><h1>${title}</h1><p>${consoleText(locale, 'login.intro')}</p>
${problem && html`<p class="problem" role="alert">${problem}</p>`}
<form class="stack" method="post" action="${basePath}/login">
<input type="hidden" name="csrf" value="${csrfToken}">
<label for="login-token">${consoleText(locale, 'login.token')}</label>
<input id="login-token" name="token" type="password" autocomplete="off" required autofocus>
<button type="submit" class="btn btn-primary">${consoleText(locale, 'login.button')}</button>
</form></section>`,
  );
}
