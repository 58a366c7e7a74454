import type { Locale } from '../../domain/i18n/locale.js';
import { formatMoment } from '../../i18n/messages.js';
import type { ActionPreview } from '../../workflow/execution/preview.js';
import type { ProcessPreview } from '../../workflow/processes/index.js';
import type { FactView, PreviewView } from '../model.js';
import { say } from '../texts.js';

function linesOf(preview: ProcessPreview, locale: Locale, timeZone: string): FactView[] {
  const change = (from: unknown, to: unknown, changes: boolean) =>
    `${JSON.stringify(from)} → ${JSON.stringify(to)}${changes ? '' : ` ${say(locale, 'preview.unchanged')}`}`;
  switch (preview.type) {
    case 'email':
      return [
        { label: say(locale, 'preview.email.from'), value: preview.from },
        { label: say(locale, 'preview.email.to'), value: preview.to.join(', ') },
        ...(preview.cc.length > 0
          ? [{ label: say(locale, 'preview.email.cc'), value: preview.cc.join(', ') }]
          : []),
        { label: say(locale, 'preview.email.subject'), value: preview.subject },
        { label: say(locale, 'preview.email.body'), value: preview.body },
      ];
    case 'set-status':
    case 'set-field':
      return [
        {
          label: `${say(locale, 'preview.change')} ${preview.field}`,
          value: change(preview.from, preview.to, preview.changes),
        },
      ];
    case 'person-category':
      return [
        {
          label: say(locale, 'preview.change'),
          value: `${say(locale, `mode.${preview.mode}`)} ${preview.category}${preview.changes ? '' : ` ${say(locale, 'preview.unchanged')}`}`,
        },
      ];
    case 'create-invoice':
      return [
        {
          label: say(locale, 'preview.invoice'),
          value: `€ ${preview.amount.toFixed(2)}${preview.dueDate ? ` · ${formatMoment(preview.dueDate, locale, timeZone)}` : ''}`,
        },
      ];
    case 'webhook':
      return [
        { label: say(locale, 'preview.webhook'), value: preview.url },
        { label: 'JSON', value: JSON.stringify(preview.body).slice(0, 500) },
      ];
    case 'chat-message':
      return [
        {
          label: say(locale, 'preview.chat'),
          value: preview.target.kind === 'channel' ? `#${preview.target.channel}` : preview.target.userId,
        },
        { label: say(locale, 'preview.text'), value: preview.text },
      ];
    case 'stamp':
      return preview.templates.map((entry) => ({
        label: say(locale, 'preview.stamp'),
        value:
          'skipped' in entry
            ? `${entry.key} (${entry.skipped})`
            : `${entry.name} · ${formatMoment(entry.start, locale, timeZone)}`,
      }));
  }
}

/** The confirm step of Execute: what will happen, or why it cannot, with the button that does it. */
export function previewView(result: ActionPreview, locale: Locale, timeZone: string): PreviewView {
  const problem = result.rejection
    ? result.rejection.message
    : result.conditions.holds
      ? undefined
      : say(locale, 'preview.conditions-fail', { reasons: result.conditions.reasons.join('; ') });
  return {
    kind: 'preview',
    title: say(locale, 'preview.title', { number: result.number }),
    actionId: result.actionId,
    lines: [
      // Execute takes the template's current settings for a rejected or failed action: say so before it runs.
      ...(result.processFromTemplate
        ? [{ label: say(locale, 'preview.settings'), value: say(locale, 'preview.from-template') }]
        : []),
      ...(result.preview ? linesOf(result.preview, locale, timeZone) : []),
    ],
    ...(problem ? { problem } : {}),
    buttons: problem
      ? []
      : [
          {
            verb: 'confirm-execute',
            label: say(locale, 'button.confirm-execute'),
            style: 'primary',
            payload: `confirm-execute:${result.actionId}`,
          },
        ],
  };
}
