import type { RecordContext } from '../dossiers/context.js';
import { readFieldRef } from '../dossiers/paths.js';
import { formatValue } from '../i18n/format-value.js';
import type { RenderOptions } from '../i18n/locale.js';
import { resolveMergeCode } from './resolve.js';
import { replaceMergeCodes } from './syntax.js';

/**
 * `text` with its merge codes filled from `context`. A known code without a value becomes empty; a code
 * unknown for the context's group stays as written, so a mistake that slipped past validation shows
 * instead of silently vanishing.
 */
export function renderMergeText(text: string, context: RecordContext, options: RenderOptions): string {
  return replaceMergeCodes(text, (code) => {
    const ref = resolveMergeCode(context.group, code);
    if (!ref) return code.raw;
    const decimals = 'spec' in ref ? ref.spec.decimals : undefined;
    return formatValue(readFieldRef(context, ref), { ...options, booleans: 'yes-no', decimals });
  });
}
