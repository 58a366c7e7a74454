import { CATALOGUE, type FieldType } from '../dossiers/catalogue.js';
import { contextKeyOf, type RecordKind } from '../dossiers/kinds.js';
import { contextKinds } from '../dossiers/relations.js';
import { CUSTOM_PREFIXES } from './resolve.js';

export interface MergeCodeInfo {
  /** `[Course:Name]` */
  readonly en: string;
  /** `[Opleiding:Naam]` */
  readonly nl: string;
  /** The field path the code reads, e.g. 'course.name'; custom fields end in '.custom.*'. */
  readonly path: string;
  readonly type: FieldType | 'custom';
}

/**
 * Every merge code a template of `group` may use: its own record and its relations, each kind followed by
 * the pattern for its custom fields.
 */
export function availableMergeCodes(group: RecordKind): MergeCodeInfo[] {
  return contextKinds(group).flatMap((kind) => {
    const entity = CATALOGUE[kind];
    const key = contextKeyOf(kind);
    const fields: MergeCodeInfo[] = entity.fields.map((spec) => ({
      en: `[${entity.en}:${spec.en}]`,
      nl: `[${entity.nl}:${spec.nl}]`,
      path: `${key}.${spec.name}`,
      type: spec.type,
    }));
    const custom: MergeCodeInfo = {
      en: `[${entity.en}:${CUSTOM_PREFIXES.en}.<name>]`,
      nl: `[${entity.nl}:${CUSTOM_PREFIXES.nl}.<naam>]`,
      path: `${key}.custom.*`,
      type: 'custom',
    };
    return [...fields, custom];
  });
}
