import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  CreateDossierSchemas,
  deriveFacts,
  fieldSpec,
  RECORD_KINDS,
  readField,
} from '../../../src/domain/dossiers/index.js';
import { NOW, record } from '../support/records.js';

// Fields that are not scalar and so cannot be merge codes or conditions; their facts are derived instead.
const NON_SCALAR = new Set(['teachers', 'locations', 'payload', 'emails', 'custom']);

describe('field catalogue', () => {
  it.each(RECORD_KINDS)('%s: every merge-code name (English and Dutch) points at one field', (kind) => {
    const owners = new Map<string, string>();
    for (const spec of CATALOGUE[kind].fields) {
      for (const name of new Set([spec.en.toLowerCase(), spec.nl.toLowerCase()])) {
        expect(owners.get(name), `${kind}: ${name}`).toBeUndefined();
        owners.set(name, spec.name);
      }
    }
  });

  it('gives every kind distinct entity names in both languages', () => {
    const names = RECORD_KINDS.flatMap((kind) => [
      CATALOGUE[kind].en.toLowerCase(),
      CATALOGUE[kind].nl.toLowerCase(),
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(RECORD_KINDS)('%s: every stored scalar field is in the catalogue', (kind) => {
    const stored = Object.keys(CreateDossierSchemas[kind].shape).filter((name) => !NON_SCALAR.has(name));
    for (const name of stored) expect(fieldSpec(kind, name), `${kind}.${name}`).toBeDefined();
  });

  it.each(RECORD_KINDS)('%s: derived fields are exactly what deriveFacts computes', (kind) => {
    const derived = CATALOGUE[kind].fields.filter((spec) => spec.derived).map((spec) => spec.name);
    expect(Object.keys(deriveFacts(record(kind), {}, NOW)).sort()).toEqual(derived.sort());
  });

  it('never lets set-field write statuses, ids, relations or derived facts', () => {
    for (const kind of RECORD_KINDS) {
      for (const spec of CATALOGUE[kind].fields) {
        if (
          spec.derived ||
          spec.relation ||
          spec.name === 'id' ||
          (spec.type === 'enum' && spec.name !== 'salesStatus')
        ) {
          expect(spec.writable, `${kind}.${spec.name}`).toBe(false);
        }
      }
    }
  });

  it('gives enum fields their values', () => {
    expect(fieldSpec('course', 'status')?.values).toEqual([
      'to-start',
      'definitive',
      'executed',
      'closed',
      'cancelled',
    ]);
    for (const kind of RECORD_KINDS) {
      for (const spec of CATALOGUE[kind].fields) expect(spec.type === 'enum').toBe(spec.values !== undefined);
    }
  });

  it('reads dotted paths', () => {
    const person = record('person', { emails: { business: 'anna@acme.test' } });
    expect(readField(person, fieldSpec('person', 'emails.business')!)).toBe('anna@acme.test');
    expect(readField(person, fieldSpec('person', 'emails.private')!)).toBeUndefined();
  });
});
