/**
 * Safe HTML by construction. Every interpolation in an `html` template is escaped unless it is itself
 * `SafeHtml` (made by `html`), so user data — template names, remarks, e-mail bodies — can never become
 * markup. There is deliberately no `raw()` escape hatch: trusted markup is written as an `html` literal.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = SafeHtml | string | number | boolean | null | undefined | readonly HtmlPart[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

function partToString(part: HtmlPart): string {
  if (part instanceof SafeHtml) return part.value;
  // false/null/undefined render nothing, so `${cond && html`…`}` reads naturally.
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(partToString).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += partToString(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Cuts long user text for display; the full text stays available in a title where it matters. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
