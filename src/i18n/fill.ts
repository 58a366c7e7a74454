/**
 * A catalogue text: one sentence, or one per grammatical number when it counts something ("1 action",
 * "3 actions"). The form is picked by the `count` parameter; Dutch and English both have just these two.
 */
export type CatalogueText = string | { readonly one: string; readonly other: string };

/** Fills `{name}` placeholders; unknown ones stay visible, so a missing parameter shows in the text. */
export function fill(template: CatalogueText, params: Readonly<Record<string, string | number>>): string {
  const text = typeof template === 'string' ? template : template[pluralForm(params.count)];
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

/** 'one' for exactly 1 (also "1" as text), 'other' for everything else, including 0 and "12+". */
export function pluralForm(count: unknown): 'one' | 'other' {
  return count === 1 || count === '1' ? 'one' : 'other';
}
