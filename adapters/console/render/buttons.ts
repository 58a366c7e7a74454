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
${buttons.map((button) => (button.choices ? renderChoices(button) : renderButton(button)))}
</form>`;
}

function renderButton(button: ButtonView): SafeHtml {
  return html`<button type="submit" name="payload" value="${button.payload}" class="btn btn-${button.style}${button.confirm ? ' needs-script' : ''}" data-payload="${button.payload}" data-verb="${button.verb}"${button.confirm ? html` data-confirm="${button.confirm}"` : ''}>${button.label}</button>`;
}

/** A menu button (Snooze) as a labelled group of small buttons: no script needed to open it. */
function renderChoices(button: ButtonView): SafeHtml {
  return html`<span class="choices" role="group" aria-label="${button.label}" data-verb="${button.verb}"><span class="choices-label">${button.label}:</span>
${(button.choices ?? []).map(
  (choice) =>
    html`<button type="submit" name="payload" value="${choice.payload}" class="btn btn-small" data-payload="${choice.payload}" data-verb="${button.verb}">${choice.label}</button>`,
)}</span>`;
}
