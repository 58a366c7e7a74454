/**
 * Block Kit's limits (docs.slack.dev/reference/block-kit), enforced by every builder here: a message or
 * view Slack would refuse is never sent. Where content does not fit, builders cut it and say so.
 * Lengths count code points, so a cut never splits an emoji or another astral character in two.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3_000,
  inputLabel: 2_000,
  inputHint: 2_000,
  placeholder: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  plainTextInput: 3_000,
  /** The message `text`: Slack truncates past 40,000; notifications show far less. */
  fallbackText: 3_000,
} as const;

const ELLIPSIS = '…';

/** `text` cut to `max` characters (code points), with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}${ELLIPSIS}`;
}

/** Slack reads &, < and > in mrkdwn as markup, so user data carries them as entities (docs: formatting). */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Counts code points, the unit every limit here is in. */
export function length(text: string): number {
  return [...text].length;
}

/**
 * Escaped, then clipped so the escapes never push it past the limit; the cut falls between characters,
 * never inside an entity (a half `&amp;` would show as text). Reads no further than the limit.
 */
export function mrkdwn(text: string, max: number): string {
  let used = 0;
  let index = 0;
  let keptEnd = 0;
  for (const char of text) {
    const size = entities[char]?.length ?? 1;
    if (used + size > max) return `${escapeAll(text.slice(0, keptEnd))}${ELLIPSIS}`;
    used += size;
    index += char.length;
    if (used <= max - 1) keptEnd = index;
  }
  return escapeAll(text);
}

function escapeAll(text: string): string {
  return text.replace(/[&<>]/g, (char) => entities[char]!);
}

/** Already-escaped mrkdwn clipped to `max`, dropping an entity the cut would leave half. */
export function clipEscaped(text: string, max: number): string {
  const clipped = clip(text, max);
  return clipped === text ? text : clipped.replace(/&[a-z]{0,3}…$/, '…');
}

/** Escaped and cut into pieces of at most `max` characters each, so nothing is lost to a limit. */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of text) {
    const escaped = entities[char] ?? char;
    const size = entities[char]?.length ?? 1;
    if (used + size > max) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += escaped;
    used += size;
  }
  pieces.push(piece);
  return pieces;
}
