/**
 * `[Entity:Field]`: names start with a letter; field names may hold dots (`Custom.Room`). Anything else
 * between brackets ("[note]", "[ Course:Name]") is ordinary text, so writers may still use brackets.
 */
const MERGE_CODE = /\[(\p{L}[\p{L}\p{N}_-]*):(\p{L}[\p{L}\p{N}_.]*)\]/gu;

export interface MergeCodeMatch {
  /** The code as written, brackets included. */
  readonly raw: string;
  readonly entity: string;
  readonly field: string;
}

export function findMergeCodes(text: string): MergeCodeMatch[] {
  return [...text.matchAll(MERGE_CODE)].map(([raw, entity = '', field = '']) => ({ raw, entity, field }));
}

/** `text` with every merge code replaced by what `replace` returns for it. */
export function replaceMergeCodes(text: string, replace: (match: MergeCodeMatch) => string): string {
  return text.replace(MERGE_CODE, (raw: string, entity: string, field: string) =>
    replace({ raw, entity, field }),
  );
}

/** `text` as alternating literal pieces and merge codes, in order; empty literals are left out. */
export function splitMergeCodes(text: string): Array<string | MergeCodeMatch> {
  const pieces: Array<string | MergeCodeMatch> = [];
  let from = 0;
  for (const match of text.matchAll(MERGE_CODE)) {
    const [raw, entity = '', field = ''] = match;
    if (match.index > from) pieces.push(text.slice(from, match.index));
    pieces.push({ raw, entity, field });
    from = match.index + raw.length;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}
