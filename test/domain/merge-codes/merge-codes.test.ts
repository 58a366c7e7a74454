import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRecordContext } from '../../../src/domain/dossiers/index.js';
import {
  availableMergeCodes,
  findMergeCodes,
  mergeCodeIssue,
  renderMergeText,
  resolveMergeCode,
  validateMergeCodes,
} from '../../../src/domain/merge-codes/index.js';
import { courseContext, participantContext } from '../support/contexts.js';
import { NOW, record } from '../support/records.js';

const nl = { locale: 'nl', timeZone: 'Europe/Amsterdam' } as const;
const en = { locale: 'en', timeZone: 'Europe/Amsterdam' } as const;

describe('merge code syntax', () => {
  it('finds codes with their entity and field', () => {
    expect(findMergeCodes('Call [Request:Number] – [Company:Name]')).toEqual([
      { raw: '[Request:Number]', entity: 'Request', field: 'Number' },
      { raw: '[Company:Name]', entity: 'Company', field: 'Name' },
    ]);
  });

  it.each(['[note]', '[ Course:Name]', '[Course:]', '[:Name]', '[Course Name]', '[1:Name]', '[Course:Name'])(
    'treats %s as ordinary text',
    (text) => {
      expect(findMergeCodes(text)).toEqual([]);
    },
  );
});

describe('resolving merge codes', () => {
  it('treats [Course:Name] and [Opleiding:Naam] as the same field', () => {
    expect(resolveMergeCode('course', { entity: 'Course', field: 'Name' })?.path).toBe('course.name');
    expect(resolveMergeCode('course', { entity: 'Opleiding', field: 'Naam' })?.path).toBe('course.name');
  });

  it.each([
    ['request', 'Aanvraag', 'Nummer', 'request.number'],
    ['request', 'Bedrijf', 'Naam', 'company.name'],
    ['participant', 'Deelnemer', 'Status', 'participant.status'],
    ['participant', 'Persoon', 'Voornaam', 'person.firstName'],
    ['participant', 'Person', 'BusinessEmail', 'person.emails.business'],
    ['participant', 'Opleidingssoort', 'Naam', 'courseType.name'],
    ['invoice', 'Factuur', 'Vervaldatum', 'invoice.dueDate'],
  ] as const)('%s: [%s:%s] reads %s', (group, entity, field, path) => {
    expect(resolveMergeCode(group, { entity, field })?.path).toBe(path);
  });

  it('ignores case in entity and field names', () => {
    expect(resolveMergeCode('course', { entity: 'COURSE', field: 'startdate' })?.path).toBe(
      'course.startDate',
    );
  });

  it('resolves custom fields in both languages', () => {
    expect(resolveMergeCode('course', { entity: 'Course', field: 'Custom.Room' })?.path).toBe(
      'course.custom.Room',
    );
    expect(resolveMergeCode('course', { entity: 'Opleiding', field: 'vrij.Zaal' })?.path).toBe(
      'course.custom.Zaal',
    );
  });

  it('does not resolve records the group cannot reach', () => {
    expect(resolveMergeCode('course', { entity: 'Person', field: 'Name' })).toBeUndefined();
    expect(resolveMergeCode('company', { entity: 'Course', field: 'Name' })).toBeUndefined();
  });
});

describe('availableMergeCodes', () => {
  it('lists the group and its relations in both languages, with custom patterns', () => {
    const codes = availableMergeCodes('request');
    expect(codes).toContainEqual({
      en: '[Request:Number]',
      nl: '[Aanvraag:Nummer]',
      path: 'request.number',
      type: 'string',
    });
    expect(codes).toContainEqual(expect.objectContaining({ en: '[Company:Name]', nl: '[Bedrijf:Naam]' }));
    expect(codes).toContainEqual(expect.objectContaining({ en: '[Request:Custom.<name>]', type: 'custom' }));
    expect(codes.some((code) => code.en.startsWith('[Teacher:'))).toBe(false);
  });

  it('lists only codes that resolve', () => {
    for (const code of availableMergeCodes('participant').filter((info) => info.type !== 'custom')) {
      expect(validateMergeCodes(`${code.en} ${code.nl}`, 'participant')).toEqual([]);
    }
  });
});

describe('validateMergeCodes', () => {
  it('returns the unknown codes as written, each once', () => {
    expect(validateMergeCodes('[Course:Nmae] and [Course:Nmae] for [Course:Name]', 'course')).toEqual([
      '[Course:Nmae]',
    ]);
  });

  it('accepts text without codes and literal brackets', () => {
    expect(validateMergeCodes('Check the list [before noon]', 'course')).toEqual([]);
  });

  it('builds an issue naming the field with the valid codes in both languages', () => {
    const issue = mergeCodeIssue('Attendance [Course:Nmae]', 'course', 'name');
    expect(issue).toMatchObject({ code: 'template.unknown-merge-code', field: 'name' });
    expect(issue?.details?.unknown).toEqual(['[Course:Nmae]']);
    expect(issue?.details?.valid).toContain('[Course:Name]');
    expect(issue?.details?.validNl).toContain('[Opleiding:Naam]');
    expect(mergeCodeIssue('Attendance [Course:Name]', 'course', 'name')).toBeUndefined();
  });
});

describe('renderMergeText', () => {
  it('names an action after its course (docs/domain.md §8 example 7)', () => {
    expect(renderMergeText('Attendance list [Course:Name]', courseContext(), nl)).toBe(
      'Attendance list Workshop basics',
    );
    expect(renderMergeText('Presentielijst [Opleiding:Naam]', courseContext(), en)).toBe(
      'Presentielijst Workshop basics',
    );
  });

  it('formats dates in the locale and zone', () => {
    expect(renderMergeText('[Course:StartDate]', courseContext(), nl)).toBe('14 november 2026');
    expect(renderMergeText('[Course:StartDate]', courseContext(), en)).toBe('14 November 2026');
    // 09:00 in Amsterdam is already the next day in Auckland.
    const late = courseContext({ startDate: '2026-11-14T23:30:00+01:00' });
    expect(renderMergeText('[Course:StartDate]', late, { locale: 'en', timeZone: 'Pacific/Auckland' })).toBe(
      '15 November 2026',
    );
  });

  it('formats booleans and numbers in the locale', () => {
    const context = courseContext({ portalPublished: true });
    expect(renderMergeText('[Course:PortalPublished]/[Course:Full]', context, nl)).toBe('ja/nee');
    expect(renderMergeText('[Course:PortalPublished]/[Course:Full]', context, en)).toBe('yes/no');
    const invoice = buildRecordContext({ primary: record('invoice', { amount: 1250.5 }) }, NOW);
    expect(renderMergeText('[Invoice:Amount]', invoice, nl)).toBe('1.250,50');
    expect(renderMergeText('[Invoice:Amount]', invoice, en)).toBe('1,250.50');
  });

  it('renders related records, custom fields and lists', () => {
    const context = participantContext('p-1');
    expect(
      renderMergeText('[Persoon:Voornaam] at [Bedrijf:Naam], room [Course:Custom.room]', context, en),
    ).toBe('First-p-1 at Acme BV, room A1');
    const person = buildRecordContext({ primary: record('person', { categories: ['vca', 'bhv'] }) }, NOW);
    expect(renderMergeText('[Person:Categories]', person, en)).toBe('vca, bhv');
  });

  it('renders missing values as empty text', () => {
    const context = participantContext('p-1');
    expect(renderMergeText('Request: [Request:Number].', context, en)).toBe('Request: .');
    expect(renderMergeText('[Course:Custom.Floor]|', context, en)).toBe('|');
  });

  it('leaves codes unknown for the group as written', () => {
    expect(renderMergeText('[Course:Nmae] [note]', courseContext(), en)).toBe('[Course:Nmae] [note]');
  });

  it('leaves text without merge codes unchanged', () => {
    const context = courseContext();
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(findMergeCodes(text).length === 0);
        expect(renderMergeText(text, context, nl)).toBe(text);
      }),
    );
  });

  it('replaces every known code and keeps the text around it', () => {
    const context = courseContext();
    const plain = fc.string().filter((text) => !text.includes('['));
    fc.assert(
      fc.property(plain, plain, (before, after) => {
        expect(renderMergeText(`${before}[Course:Name]${after}`, context, en)).toBe(
          `${before}Workshop basics${after}`,
        );
      }),
    );
  });
});
