import type { ChatView, Renderer } from '../../../src/chat/model.js';
import { renderActionCard } from './card.js';
import type { RenderContext } from './context.js';
import { html, type SafeHtml } from './html.js';
import {
  renderDetails,
  renderDigest,
  renderError,
  renderForm,
  renderList,
  renderPreview,
  renderTemplates,
  renderText,
} from './views.js';

export function renderViewHtml(view: ChatView, context: RenderContext): SafeHtml {
  switch (view.kind) {
    case 'action-card':
      return renderActionCard(view, context);
    case 'list':
      return renderList(view, context);
    case 'digest':
      return renderDigest(view, context);
    case 'preview':
      return renderPreview(view, context);
    case 'form':
      return renderForm(view, context);
    case 'action-details':
      return renderDetails(view, context);
    case 'templates':
      return renderTemplates(view, context);
    case 'text':
      return renderText(view, context);
    case 'error':
      return renderError(view, context);
  }
}

export function renderViewsHtml(views: readonly ChatView[], context: RenderContext): SafeHtml {
  return html`${views.map((view) => renderViewHtml(view, context))}`;
}

/** The console's `Renderer`: server-side HTML, escaped throughout (see html.ts). */
export function createHtmlRenderer(context: RenderContext): Renderer<string> {
  return { render: (view) => renderViewHtml(view, context).value };
}
