/**
 * English that gives itself away in a Dutch text: common words, the English labels of the chat, raw enum
 * values and process types, and camelCase field names. Dutch has none of these as words of its own.
 */
export const GIVEAWAYS: readonly RegExp[] = [
  /\bthe\b/i,
  /\band\b/,
  /\byou\b/i,
  /\bmay not\b/i,
  /\bcannot\b/i,
  /\balready\b/i,
  /\bthere is\b/i,
  /\bnot found\b/i,
  /\bfailed\b/i,
  /\bsent\b/i,
  /\bAction\b/,
  /\boverdue\b/i,
  /\bexecuted\b/i,
  /\bcancelled\b/i,
  /\brejected\b/i,
  /\bwaiting\b/i,
  /\bsuperseded\b/i,
  /\bowner\b/i,
  /\brecord\b/i,
  /\btemplates?\b/i,
  /\bToday\b/,
  /\bUpcoming\b/,
  /\bDone\b/,
  /\bSnooze\b/,
  /\bAssign\b/,
  /\bExecute\b/,
  /\bRemarks\b/,
  /\bHistory\b/,
  /\bPriority\b/,
  /\bYes\b/,
  /\bNo\b/,
  /\bClose\b/,
  /\bBack\b/,
  /\bmore\b/,
  /\bolder\b/,
  /\bnobody\b/,
  /\bdraft\b/i,
  /\binvoice\b/i,
  /\bparticipant\b/i,
  /\bcourse\b/i,
  /\bdefinitive\b/,
  /\bto-start\b/,
  /\b(set-status|set-field|person-category|create-invoice|chat-message|status-changed)\b/,
  /\b[a-z]+[A-Z][a-zA-Z]*\b/,
  /\{\w+\}/,
  /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/,
];

export function giveaways(text: string): string[] {
  return GIVEAWAYS.flatMap((pattern) => {
    const match = text.match(pattern);
    return match
      ? [`${match[0]} in “${text.slice(Math.max(0, (match.index ?? 0) - 40), (match.index ?? 0) + 40)}”`]
      : [];
  });
}
