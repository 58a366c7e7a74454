import type { ButtonView } from '../../../src/chat/model.js';
import type { RenderContext } from './context.js';
import { html, type SafeHtml } from './html.js';

/**
 * A row of buttons as one form. Each button submits its own opaque payload, so the form also works
 * without script (a full page comes back); console.js posts it with fetch and inserts the reply instead.
 * Buttons that ask for confirmation need script to ask, so without it they are hidden (see page.ts).
 */
export function renderButtons(buttons: readonly ButtonView[], context: RenderContext): SafeHtml | undefined {
  if (buttons.length === 0) return undefined;
  return html`<form class="buttons" method="post" action="${context.basePath}/interact">
<input type="hidden" name="csrf" value="${context.csrfToken}">
${buttons.map(
  (button) =>
    html`<button type="submit" name="payload" value="${button.payload}" class="btn btn-${button.style}${button.confirm ? ' needs-script' : ''}" data-payload="${button.payload}" data-verb="${button.verb}"${button.confirm ? html` data-confirm="${button.confirm}"` : ''}>${button.label}</button>`,
)}
</form>`;
}
