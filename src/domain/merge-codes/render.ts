import type { RecordContext } from '../dossiers/context.js';
import type { RecordKind } from '../dossiers/kinds.js';
import { type FieldRef, readFieldRef } from '../dossiers/paths.js';
import { type FormatOptions, formatValue } from '../i18n/format-value.js';
import type { RenderOptions } from '../i18n/locale.js';
import { BoundedCache } from '../memo.js';
import { resolveMergeCode } from './resolve.js';
import { splitMergeCodes } from './syntax.js';

/** A text split into literal pieces and resolved merge codes; codes unknown for the group stay literal. */
type Piece = string | { readonly ref: FieldRef; readonly decimals: number | undefined };

// One template name is rendered for every record an event stamps, so its parse is kept per group and text.
const parsedTexts = new BoundedCache<readonly Piece[]>(1_000);

function parse(text: string, group: RecordKind): readonly Piece[] {
  return parsedTexts.get(`${group}|${text}`, () =>
    splitMergeCodes(text).map((piece): Piece => {
      if (typeof piece === 'string') return piece;
      const ref = resolveMergeCode(group, piece);
      return ref ? { ref, decimals: 'spec' in ref ? ref.spec.decimals : undefined } : piece.raw;
    }),
  );
}

/**
 * `text` with its merge codes filled from `context`. A known code without a value becomes empty; a code
 * unknown for the context's group stays as written, so a mistake that slipped past validation shows
 * instead of silently vanishing.
 */
export function renderMergeText(text: string, context: RecordContext, options: RenderOptions): string {
  const format: FormatOptions = { ...options, booleans: 'yes-no' };
  let rendered = '';
  for (const piece of parse(text, context.group)) {
    rendered +=
      typeof piece === 'string'
        ? piece
        : formatValue(readFieldRef(context, piece.ref), { ...format, decimals: piece.decimals });
  }
  return rendered;
}
