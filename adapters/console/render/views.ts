import type {
  ActionCardView,
  ActionDetailsView,
  DigestView,
  ErrorView,
  FormFieldView,
  FormView,
  ListView,
  PreviewView,
  TemplateListView,
  TextView,
} from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import { consoleText } from '../texts.js';
import { renderButtons } from './buttons.js';
import { renderActionCard } from './card.js';
import type { RenderContext } from './context.js';
import { clip, html, type SafeHtml } from './html.js';
import { CONSOLE_LIMITS, moreLine } from './limits.js';

/** Cards as a list, at most `limit` of them, saying how many of `total` were left out. */
export function renderCards(
  items: readonly ActionCardView[],
  total: number,
  limit: number,
  context: RenderContext,
  totalExact = true,
): SafeHtml {
  const shown = items.slice(0, limit);
  return html`<ol class="cards">${shown.map((card) => html`<li>${renderActionCard(card, context)}</li>`)}</ol>
${moreLine(context.locale, Math.max(total, items.length), shown.length, totalExact)}`;
}

export function renderList(view: ListView, context: RenderContext): SafeHtml {
  return html`<section class="view view-list"><h3>${view.title}</h3>
${view.items.length === 0 ? html`<p class="empty">${view.empty}</p>` : renderCards(view.items, view.total, CONSOLE_LIMITS.cardsPerList, context, view.totalExact)}
</section>`;
}

export function renderDigest(view: DigestView, context: RenderContext): SafeHtml {
  return html`<section class="view view-digest"><h3>${view.title}</h3>
<dl class="facts digest-summary">${view.summary.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}</dl>
${view.notes.map((note) => html`<p class="note">${note}</p>`)}
${view.sections.map(
  (section) => html`<section class="digest-section colour-${section.colour}"><h4>${section.heading}</h4>
${renderCards(section.items, section.total, CONSOLE_LIMITS.cardsPerDigestSection, context)}</section>`,
)}
${view.more && html`<p class="more">${view.more}</p>`}
</section>`;
}

export function renderPreview(view: PreviewView, context: RenderContext): SafeHtml {
  return html`<section class="view view-preview" data-action-id="${view.actionId}"><h3>${view.title}</h3>
<dl class="preview-lines">${view.lines.map(
    (line) =>
      html`<div><dt>${line.label}</dt><dd>${clip(line.value, CONSOLE_LIMITS.previewValue)}</dd></div>`,
  )}</dl>
${view.problem && html`<p class="problem">${view.problem}</p>`}
${renderButtons(view.buttons, context)}
</section>`;
}

function fieldControl(field: FormFieldView, id: string): SafeHtml {
  const common = html` id="${id}" name="${field.name}"${field.required ? html` required` : ''}${field.refreshes ? html` data-refresh="${field.name}"` : ''}${field.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}`;
  switch (field.type) {
    case 'select':
    case 'user':
    case 'search': {
      const options = field.options ?? [];
      const known = options.some((option) => option.value === field.value);
      return html`<select${common}><option value="">—</option>${
        field.value && !known
          ? html`<option value="${field.value}" selected>${field.valueLabel ?? field.value}</option>`
          : ''
      }${options.map(
        (option) =>
          html`<option value="${option.value}"${option.value === field.value ? html` selected` : ''}>${option.label}</option>`,
      )}</select>`;
    }
    case 'textarea':
      return html`<textarea${common}${field.maxLength ? html` maxlength="${String(field.maxLength)}"` : ''}>${field.value ?? ''}</textarea>`;
    case 'datetime':
      // The neutral value carries the viewer's offset; the browser's input wants the wall time alone.
      return html`<input${common} type="datetime-local" value="${field.value?.slice(0, 16) ?? ''}">`;
    case 'date':
      return html`<input${common} type="date" value="${field.value?.slice(0, 10) ?? ''}">`;
    default:
      return html`<input${common} type="text" value="${field.value ?? ''}"${field.maxLength ? html` maxlength="${String(field.maxLength)}"` : ''}>`;
  }
}

function renderField(field: FormFieldView, formId: string): SafeHtml {
  const id = `${formId}-${field.name}`;
  return html`<label for="${id}">${field.label}${field.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
${fieldControl(field, id)}
${field.hint && html`<p class="hint">${field.hint}</p>`}
${field.error && html`<p class="field-error" id="${id}-error">${field.error}</p>`}`;
}

let formSequence = 0;

/**
 * A form posts its opaque `submit` id as the payload, like a button, with its fields beside it. A field
 * that refreshes the form (the record of a new action) makes console.js post it with `refresh` set.
 */
export function renderForm(view: FormView, context: RenderContext): SafeHtml {
  formSequence += 1;
  const formId = `form-${formSequence}`;
  return html`<section class="view view-form"><h3>${view.title}</h3>
${view.intro && html`<p class="intro">${view.intro}</p>`}
<form class="form" method="post" action="${context.basePath}/interact">
<input type="hidden" name="csrf" value="${context.csrfToken}">
${view.fields.map((field) => html`<div class="field${field.error ? ' has-error' : ''}">${renderField(field, formId)}</div>`)}
<button type="submit" name="payload" value="${view.submit}" class="btn btn-primary" data-payload="${view.submit}">${view.submitLabel}</button>
</form></section>`;
}

export function renderDetails(view: ActionDetailsView, context: RenderContext): SafeHtml {
  return html`<section class="view view-details">${renderActionCard(view.card, context)}
<dl class="facts">${view.facts.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}</dl>
<h4>${say(context.locale, 'details.history')}</h4>
<ol class="history">${view.history.map((entry) => html`<li><time>${entry.at}</time> ${entry.text}</li>`)}</ol>
${view.olderHistory > 0 && html`<p class="more">${say(context.locale, 'details.older', { count: view.olderHistory })}</p>`}
</section>`;
}

export function renderTemplates(view: TemplateListView, context: RenderContext): SafeHtml {
  if (view.items.length === 0) {
    return html`<section class="view view-templates"><h3>${view.title}</h3><p class="empty">${view.empty}</p></section>`;
  }
  const shown = view.items.slice(0, CONSOLE_LIMITS.templates);
  return html`<section class="view view-templates"><h3>${view.title}</h3>
<ul class="templates">${shown.map(
    (item) => html`<li><code>${item.key}</code> <strong>${item.name}</strong>
<span class="badge">${item.dataGroup}</span> <span class="badge badge-execution">${item.execution}</span>
${item.description && html`<p>${item.description}</p>`}</li>`,
  )}</ul>
${moreLine(context.locale, Math.max(view.total, view.items.length), shown.length)}</section>`;
}

export function renderText(view: TextView, context: RenderContext): SafeHtml {
  const shown = view.lines.slice(0, CONSOLE_LIMITS.textLines);
  const hidden = view.lines.length - shown.length;
  return html`<section class="view view-text">${view.title && html`<h3>${view.title}</h3>`}
${shown.map((line) => html`<p>${line}</p>`)}
${hidden > 0 && html`<p class="more">${consoleText(context.locale, 'more.lines', { count: hidden })}</p>`}</section>`;
}

export function renderError(view: ErrorView, context: RenderContext): SafeHtml {
  return html`<section class="view view-error" role="alert" data-code="${view.code}">
<h3>${say(context.locale, 'error.title')}</h3><p>${view.message}</p>
${view.details.length > 0 && html`<ul>${view.details.map((detail) => html`<li>${detail}</li>`)}</ul>`}
</section>`;
}
