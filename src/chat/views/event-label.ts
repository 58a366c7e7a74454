import type { EventSpec } from '../../domain/events/index.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { fieldLabel, groupLabel, valueLabel } from '../../i18n/labels.js';
import { say } from '../texts.js';

/** The event a template listens to, as a planner says it: "Opleiding: status wordt definitief". */
export function eventLabel(spec: EventSpec, locale: Locale): string {
  const group = groupLabel(spec.group, locale);
  const value = (field: string, raw: string | undefined) =>
    raw === undefined ? undefined : valueLabel(spec.group, field, raw, { locale, timeZone: 'UTC' });
  switch (spec.type) {
    case 'status-changed':
    case 'stage-changed': {
      const field = spec.type === 'stage-changed' ? 'stage' : 'status';
      const from = value(field, spec.from);
      const to = value(field, spec.to);
      const change = [
        from ? say(locale, 'event.from', { value: from }) : '',
        to ? say(locale, 'event.to', { value: to }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      return say(locale, 'event.changed', {
        group,
        field: fieldLabel(spec.group, field, locale).toLowerCase(),
        change: change ? ` ${change}` : '',
      });
    }
    case 'field-changed':
      return say(locale, 'event.changed', {
        group,
        field: fieldLabel(spec.group, spec.field, locale).toLowerCase(),
        change: '',
      });
    case 'category-added':
    case 'category-removed':
      return spec.category
        ? say(locale, `event.${spec.type}`, { group, category: spec.category })
        : say(locale, `event.${spec.type}-any`, { group });
    case 'custom':
      return say(locale, 'event.custom', { group, name: spec.name });
    default:
      return say(locale, `event.${spec.type}`, { group });
  }
}
