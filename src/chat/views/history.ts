import type { HistoryEntry } from '../../domain/actions/index.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { hasCodedText } from '../../i18n/coded/index.js';
import { pathLabel } from '../../i18n/labels.js';
import { reasonMessage } from './errors.js';

/**
 * The "why" of one history line in the reader's language. A coded reason says it; a note is shown only
 * when it is a person's own words (a remark on completion, a reason for cancelling); bare codes are
 * translated. English notes of processes (an SMTP reply) stay in the API and the logs.
 */
export function historyReason(entry: HistoryEntry, locale: Locale): string | undefined {
  if (entry.coded) return reasonMessage(entry.coded, locale);
  const codes = entry.codes ?? [];
  if (entry.note && codes.length === 0) return entry.note;
  if (entry.note && codes[0] === 'cancelled-by-user' && entry.note !== 'cancelled-by-user') return entry.note;
  if (entry.kind === 'rescheduled' && entry.note) {
    const fields = entry.note.split(', ').map((path) => pathLabel(path, locale));
    const moved = reasonMessage({ code: 'anchor-moved', params: { fields: fields.join(', ') } }, locale);
    return [
      moved,
      ...codeTexts(
        codes.filter((code) => code !== 'anchor-moved'),
        locale,
      ),
    ].join('; ');
  }
  return codeTexts(codes, locale).join('; ') || undefined;
}

function codeTexts(codes: readonly string[], locale: Locale): string[] {
  return codes.flatMap((code) => {
    // A bare code with parameters it does not carry would show placeholders: say the general version.
    const known = code === 'conditions-not-met' ? 'conditions-not-met-yet' : code;
    return hasCodedText(known) ? [reasonMessage({ code: known }, locale)!] : [];
  });
}
