import { formatValue } from '../../domain/i18n/format-value.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { fieldLabel, valueLabel } from '../../i18n/labels.js';
import { formatMoment } from '../../i18n/messages.js';
import type { ActionPreview } from '../../workflow/execution/preview.js';
import type { ProcessPreview } from '../../workflow/processes/index.js';
import type { FactView, PreviewView } from '../model.js';
import { say } from '../texts.js';
import { issueMessage, reasonMessage } from './errors.js';

function linesOf(preview: ProcessPreview, locale: Locale, timeZone: string): FactView[] {
  const options = { locale, timeZone };
  const unchanged = (changes: boolean) => (changes ? '' : ` ${say(locale, 'preview.unchanged')}`);
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
    case 'set-field': {
      const { group } = preview.record;
      const value = (raw: unknown) => valueLabel(group, preview.field, raw, options);
      return [
        {
          label: fieldLabel(group, preview.field, locale),
          value: `${value(preview.from)} → ${value(preview.to)}${unchanged(preview.changes)}`,
        },
      ];
    }
    case 'person-category':
      return [
        {
          label: say(locale, 'preview.change'),
          value:
            say(locale, `preview.category-${preview.mode}`, { category: preview.category }) +
            unchanged(preview.changes),
        },
      ];
    case 'create-invoice':
      return [
        {
          label: say(locale, 'preview.invoice'),
          value: `€ ${formatValue(preview.amount, { ...options, booleans: 'yes-no', decimals: 2 })}${preview.dueDate ? ` · ${say(locale, 'preview.due', { date: formatValue(preview.dueDate, { ...options, booleans: 'yes-no' }) })}` : ''}`,
        },
      ];
    case 'webhook':
      return [
        { label: say(locale, 'preview.webhook'), value: preview.url },
        { label: say(locale, 'preview.body'), value: JSON.stringify(preview.body).slice(0, 500) },
      ];
    case 'chat-message':
      return [
        {
          label: say(locale, 'preview.chat'),
          value:
            preview.target.kind === 'channel'
              ? `#${preview.target.channel}`
              : (preview.target.name ?? preview.target.userId),
        },
        { label: say(locale, 'preview.text'), value: preview.text },
      ];
    case 'stamp':
      return preview.templates.map((entry) => ({
        label: say(locale, 'preview.stamp'),
        value:
          'skipped' in entry
            ? `${entry.key} (${reasonMessage({ code: `skip.${entry.skipped}` }, locale) ?? say(locale, 'preview.skipped')})`
            : `${entry.name} · ${formatMoment(entry.start, locale, timeZone)}`,
      }));
  }
}

/** The confirm step of Execute: what will happen, or why it cannot, with the button that does it. */
export function previewView(result: ActionPreview, locale: Locale, timeZone: string): PreviewView {
  const problem = result.rejection
    ? issueMessage(result.rejection, locale)
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
          {
            verb: 'decline-execute',
            label: say(locale, 'button.decline-execute'),
            style: 'default',
            payload: `decline-execute:${result.actionId}`,
          },
        ],
  };
}
