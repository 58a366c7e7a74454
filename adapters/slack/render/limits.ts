/**
 * Block Kit's limits (docs.slack.dev/reference/block-kit), enforced by every builder here: a message or
 * view Slack would refuse is never sent. Where content does not fit, builders cut it and say so.
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

/** `text` cut to `max` characters (code points), with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Text for mrkdwn: Slack reads &, < and > as markup, so user data is escaped (docs: formatting). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped, then clipped so the escapes never push it past the limit. */
export function mrkdwn(text: string, max: number): string {
  return clip(escapeMrkdwn(text), max);
}
