import {
  type CreateDossierInput,
  createDossier,
  type RecordKind,
  type RecordOf,
} from '../../../src/domain/dossiers/index.js';

export const NOW = new Date('2026-10-01T10:00:00+02:00');

const REQUIRED: { [K in RecordKind]: CreateDossierInput<K> } = {
  course: { code: 'WB-01', name: 'Workshop basics', courseTypeId: 'ct-1' },
  participant: { courseId: 'course-1', personId: 'person-1' },
  request: { number: 'R-2026-001', companyId: 'company-1' },
  invoice: { amount: 1250, companyId: 'company-1' },
  'web-request': { payload: { name: 'Anna' } },
  person: { firstName: 'Anna', lastName: 'Berg' },
  company: { name: 'Acme BV' },
  contact: { personId: 'person-2', companyId: 'company-1' },
  teacher: { personId: 'person-3' },
  location: { name: 'Utrecht centre' },
  'course-type': { key: 'first-aid', name: 'First aid' },
};

/** A valid record of `kind` built through the real write path, with `fields` overriding the defaults. */
export function record<K extends RecordKind>(
  kind: K,
  fields: Partial<CreateDossierInput<K>> = {},
  id = `${kind}-1`,
): RecordOf<K> {
  return createDossier(kind, { ...REQUIRED[kind], ...fields }, { id, now: NOW });
}
