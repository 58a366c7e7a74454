import { CATALOGUE, type KindSpec } from '../dossiers/catalogue.js';
import { contextKeyOf, RECORD_KINDS, type RecordKind } from '../dossiers/kinds.js';
import type { FieldRef } from '../dossiers/paths.js';
import { contextKinds } from '../dossiers/relations.js';
import { CUSTOM_FIELD_NAME } from '../dossiers/values.js';
import type { MergeCodeMatch } from './syntax.js';

/** How a custom field is written after the entity: `[Course:Custom.Room]`, `[Opleiding:Vrij.Zaal]`. */
export const CUSTOM_PREFIXES = { en: 'Custom', nl: 'Vrij' } as const;

const KIND_BY_ENTITY = new Map<string, RecordKind>(
  RECORD_KINDS.flatMap((kind) => [
    [CATALOGUE[kind].en.toLowerCase(), kind],
    [CATALOGUE[kind].nl.toLowerCase(), kind],
  ]),
);

/**
 * The field a merge code points at for a template of data group `group`, or undefined when the code is
 * unknown there. Entity and field names match in English or Dutch, ignoring case.
 */
export function resolveMergeCode(
  group: RecordKind,
  code: Pick<MergeCodeMatch, 'entity' | 'field'>,
): FieldRef | undefined {
  const kind = KIND_BY_ENTITY.get(code.entity.toLowerCase());
  if (!kind || !contextKinds(group).includes(kind)) return undefined;
  const key = contextKeyOf(kind);
  const path = (name: string) => `${key}.${name}`;
  const custom = customName(code.field);
  if (custom !== undefined) {
    return CUSTOM_FIELD_NAME.test(custom) ? { path: path(`custom.${custom}`), key, kind, custom } : undefined;
  }
  const spec = findField(CATALOGUE[kind], code.field.toLowerCase());
  return spec ? { path: path(spec.name), key, kind, spec } : undefined;
}

function customName(field: string): string | undefined {
  const dot = field.indexOf('.');
  if (dot < 0) return undefined;
  const prefix = field.slice(0, dot).toLowerCase();
  const isCustom = prefix === CUSTOM_PREFIXES.en.toLowerCase() || prefix === CUSTOM_PREFIXES.nl.toLowerCase();
  return isCustom ? field.slice(dot + 1) : undefined;
}

function findField(kind: KindSpec, lowerName: string) {
  return kind.fields.find(
    (spec) => spec.en.toLowerCase() === lowerName || spec.nl.toLowerCase() === lowerName,
  );
}
