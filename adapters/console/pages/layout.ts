import type { User } from '../../../src/domain/rights/user.js';
import type { RenderContext } from '../render/context.js';
import { html, type SafeHtml } from '../render/html.js';
import { consoleText } from '../texts.js';

export type PageName = 'chat' | 'board' | 'dossier' | 'identity' | 'delivery';

/** Who is at the keyboard: on a loopback console a switcher of users, otherwise the signed-in user. */
export type IdentityBar =
  | { mode: 'pick'; current: User; users: readonly User[] }
  | { mode: 'token'; current: User }
  | { mode: 'none' };

export interface PageFrame {
  context: RenderContext;
  title: string;
  page: PageName;
  identity: IdentityBar;
}

/** "Anna — planning, sales · automatic workflow": what a user may do, visible when picking one. */
export function userSummary(user: User, context: RenderContext): string {
  const roles = user.admin
    ? [consoleText(context.locale, 'identity.admin')]
    : user.roles.length > 0
      ? [...user.roles]
      : [consoleText(context.locale, 'identity.no-roles')];
  const right =
    user.automaticWorkflow && !user.admin ? ` · ${consoleText(context.locale, 'identity.automatic')}` : '';
  return `${user.name} — ${roles.join(', ')}${right}`;
}

export function userOptions(users: readonly User[], selectedId: string | undefined, context: RenderContext) {
  return users.map(
    (user) =>
      html`<option value="${user.id}"${user.id === selectedId ? html` selected` : ''}>${userSummary(user, context)}</option>`,
  );
}

function identityBar(identity: IdentityBar, context: RenderContext): SafeHtml | undefined {
  const { basePath, csrfToken, locale } = context;
  switch (identity.mode) {
    case 'none':
      return undefined;
    case 'pick':
      return html`<form class="identity" method="post" action="${basePath}/identity" data-autosubmit>
<input type="hidden" name="csrf" value="${csrfToken}">
<label for="identity-user">${consoleText(locale, 'identity.acting-as')}</label>
<select id="identity-user" name="userId">${userOptions(identity.users, identity.current.id, context)}</select>
<button type="submit" class="btn btn-default">${consoleText(locale, 'identity.switch')}</button>
</form>`;
    case 'token':
      return html`<form class="identity" method="post" action="${basePath}/logout">
<input type="hidden" name="csrf" value="${csrfToken}">
<span class="who">${userSummary(identity.current, context)}</span>
<button type="submit" class="btn btn-default">${consoleText(locale, 'logout.button')}</button>
</form>`;
  }
}

function navLink(frame: PageFrame, page: PageName, href: string, label: string): SafeHtml {
  return html`<a href="${href}"${frame.page === page ? html` aria-current="page"` : ''}>${label}</a>`;
}

/**
 * The page around every console screen. `no-js` is removed by console.js, so what needs script (confirm
 * prompts) is hidden without it and the rest still works as plain forms.
 */
export function renderPage(frame: PageFrame, main: SafeHtml): string {
  const { basePath, csrfToken, locale } = frame.context;
  const appTitle = consoleText(locale, 'app.title');
  return html`<!doctype html>
<html lang="${locale}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrfToken}">
<title>${frame.title} · ${appTitle}</title>
<link rel="icon" href="${basePath}/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${basePath}/static/console.css">
<script src="${basePath}/static/console.js" defer></script>
</head>
<body data-base="${basePath}" data-page="${frame.page}" data-offline="${consoleText(locale, 'error.offline')}">
<a class="skip-link" href="#main">${consoleText(locale, 'nav.skip')}</a>
<header class="topbar">
<a class="brand" href="${basePath}"><span class="stamp" aria-hidden="true">S</span> Stempel</a>
${
  frame.identity.mode !== 'none' &&
  html`<nav aria-label="${consoleText(locale, 'nav.label')}">
${navLink(frame, 'chat', basePath, consoleText(locale, 'nav.chat'))}
${navLink(frame, 'board', `${basePath}/board`, consoleText(locale, 'nav.board'))}
${frame.identity.current.admin && navLink(frame, 'delivery', `${basePath}/delivery`, consoleText(locale, 'nav.delivery'))}
</nav>`
}
${identityBar(frame.identity, frame.context)}
</header>
<main id="main" class="page-${frame.page}">
${main}
</main>
</body>
</html>`.value;
}
