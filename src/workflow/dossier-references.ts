import { type DossierRecord, fieldsOf, type RecordKind } from '../domain/dossiers/index.js';

export interface Reference {
  /** The field as the client wrote it: `courseTypeId`, `teachers.0.teacherId`. */
  field: string;
  id: string;
  kind: RecordKind | 'user';
}

/** Fields holding the id of a Stempel user rather than of a record. */
const USER_FIELDS = ['contactUserId', 'accountManagerUserId'];

/** Every id a record refers to, with the field it is in and what it must name. */
export function referencesOf(record: DossierRecord): Reference[] {
  const values = record as unknown as Record<string, unknown>;
  const references: Reference[] = [];
  for (const field of fieldsOf(record.group)) {
    const id = values[field.name];
    if (typeof id !== 'string') continue;
    if (field.relation) references.push({ field: field.name, id, kind: field.relation });
    else if (USER_FIELDS.includes(field.name)) references.push({ field: field.name, id, kind: 'user' });
  }
  if (record.group === 'course') {
    for (const [index, planning] of record.teachers.entries())
      references.push({ field: `teachers.${index}.teacherId`, id: planning.teacherId, kind: 'teacher' });
    for (const [index, planning] of record.locations.entries())
      references.push({ field: `locations.${index}.locationId`, id: planning.locationId, kind: 'location' });
  }
  return references;
}
