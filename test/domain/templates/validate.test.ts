import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.js';
import { type TemplateInput, validateTemplate } from '../../../src/domain/templates/index.js';
import { automator, DAYS_AFTER_EVENT, savedTemplate, templateInput, user } from '../support/templates.js';

function errorOf(input: unknown, context: Partial<Parameters<typeof validateTemplate>[1]> = {}): DomainError {
  try {
    validateTemplate(input, { actor: automator, ...context });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const automatic = (fields: Partial<TemplateInput>) =>
  templateInput({
    execution: 'automatic',
    event: { type: 'created', group: 'course' },
    timing: DAYS_AFTER_EVENT,
    ...fields,
  });

describe('validateTemplate: the basics', () => {
  it('accepts the attendance-list template and fills in defaults', () => {
    const template = validateTemplate(templateInput(), { actor: user() });
    expect(template).toMatchObject({
      createMode: 'always',
      occurrence: 'once',
      process: null,
      conditions: { all: [], any: [] },
      ownerRule: { kind: 'none' },
      priority: 'normal',
      enabled: true,
      archived: false,
      readRoles: [],
    });
  });

  it("defaults an event's group to the template's data group", () => {
    const template = validateTemplate(templateInput({ event: { type: 'created' } as never }), {
      actor: user(),
    });
    expect(template.event).toEqual({ type: 'created', group: 'course' });
  });

  it('names the field of schema errors', () => {
    expect(errorOf(templateInput({ key: 'Not A Slug' })).field).toBe('key');
    expect(errorOf(templateInput({ execution: 'sometimes' as never })).field).toBe('execution');
    expect(
      errorOf(
        templateInput({
          timing: { ...DAYS_AFTER_EVENT, start: { ...DAYS_AFTER_EVENT.start, unit: 'years' } } as never,
        }),
      ).field,
    ).toBe('timing.start.unit');
  });
});

describe('validateTemplate: merge codes', () => {
  it('refuses unknown merge codes in the name with the valid list', () => {
    const error = errorOf(templateInput({ name: 'Attendance list [Course:Nmae]' }));
    expect(error).toMatchObject({
      category: 'invalid-input',
      code: 'template.unknown-merge-code',
      field: 'name',
    });
    expect(error.details?.unknown).toEqual(['[Course:Nmae]']);
    expect(error.details?.valid).toContain('[Course:Name]');
  });

  it('accepts Dutch merge codes', () => {
    expect(() =>
      validateTemplate(templateInput({ name: 'Presentielijst [Opleiding:Naam]' }), { actor: user() }),
    ).not.toThrow();
  });

  it('checks e-mail subject and body and chat text', () => {
    const email = errorOf(
      automatic({
        process: {
          type: 'email',
          documentTemplate: { subject: 'About [Course:Name]', body: 'Dear [Person:FirstName]' },
          to: [{ kind: 'address', address: 'a@b.test' }],
        },
      }),
    );
    expect(email.field).toBe('process.documentTemplate.body');
    const chat = errorOf(
      automatic({
        process: { type: 'chat-message', target: { kind: 'channel', channel: 'C1' }, text: '[Foo:Bar]' },
      }),
    );
    expect(chat.field).toBe('process.text');
  });
});

describe('validateTemplate: processes', () => {
  it('requires a process for semi-automatic and automatic templates', () => {
    expect(errorOf(templateInput({ execution: 'semi-automatic' })).code).toBe('template.process-required');
    expect(errorOf(automatic({})).field).toBe('process');
  });

  it('refuses a process on a manual template', () => {
    const error = errorOf(templateInput({ process: { type: 'create-invoice' } }));
    expect(error).toMatchObject({ code: 'template.process-not-allowed', field: 'process' });
  });

  it('accepts set-field portalPublished=true on a course (example 3)', () => {
    const template = validateTemplate(
      automatic({ process: { type: 'set-field', field: 'portalPublished', value: true } }),
      {
        actor: automator,
      },
    );
    expect(template.process).toEqual({ type: 'set-field', field: 'portalPublished', value: true });
  });

  it.each([
    [{ type: 'set-field', field: 'colour', value: 'red' }, 'template.unknown-field', 'process.field'],
    [
      { type: 'set-field', field: 'status', value: 'definitive' },
      'template.field-not-writable',
      'process.field',
    ],
    [{ type: 'set-field', field: 'full', value: true }, 'template.field-not-writable', 'process.field'],
    [
      { type: 'set-field', field: 'portalPublished', value: 'yes' },
      'template.invalid-value',
      'process.value',
    ],
    [{ type: 'set-field', field: 'portalPublished', value: null }, 'template.invalid-value', 'process.value'],
    [{ type: 'set-field', field: 'startDate', value: 'tomorrow' }, 'template.invalid-value', 'process.value'],
    [{ type: 'set-status', status: 'done' }, 'template.invalid-status', 'process.status'],
    [{ type: 'create-invoice' }, 'template.process-not-available', 'process.type'],
    [{ type: 'person-category', category: 'vca', mode: 'add' }, 'template.no-person', 'process.type'],
    [{ type: 'stamp', templateKeys: ['attendance-list'] }, 'template.stamp-self', 'process.templateKeys.0'],
  ])('refuses %j on a course', (process, code, field) => {
    const error = errorOf(automatic({ process: process as never }));
    expect(error).toMatchObject({ code, field });
  });

  it('accepts set-field on custom fields, dates and clearing with null', () => {
    for (const process of [
      { type: 'set-field', field: 'custom.room', value: 'B2' },
      { type: 'set-field', field: 'startDate', value: '2026-11-14T09:00:00+01:00' },
      { type: 'set-field', field: 'contactUserId', value: null },
    ] as const) {
      expect(() => validateTemplate(automatic({ process }), { actor: automator })).not.toThrow();
    }
  });

  it('lists the valid statuses of the group', () => {
    expect(errorOf(automatic({ process: { type: 'set-status', status: 'done' } })).details?.valid).toEqual([
      'to-start',
      'definitive',
      'executed',
      'closed',
      'cancelled',
    ]);
  });

  it('allows person-category where the group has a person (example 6)', () => {
    const input = automatic({
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
      process: { type: 'person-category', category: 'first-aid-expired', mode: 'remove' },
    });
    expect(validateTemplate(input, { actor: automator }).process?.type).toBe('person-category');
  });

  it('allows create-invoice on requests only', () => {
    const input = automatic({
      dataGroup: 'request',
      event: { type: 'stage-changed', group: 'request', to: 'order' },
      process: { type: 'create-invoice' },
    });
    expect(() => validateTemplate(input, { actor: automator })).not.toThrow();
  });

  it('checks recipients against the group and senders against the approved list', () => {
    const input = automatic({
      process: {
        type: 'email',
        documentTemplate: { subject: 'S', body: 'B' },
        sender: 'noreply@elsewhere.test',
        to: [{ kind: 'symbolic', role: 'course-contact' }],
        cc: [{ kind: 'symbolic', role: 'debtor' }],
      },
    });
    const error = errorOf(input, { approvedSenders: ['planning@institute.test'] });
    expect(error.issues.map((found) => [found.code, found.field])).toEqual([
      ['template.sender-not-approved', 'process.sender'],
      ['template.recipient-not-available', 'process.cc.0.role'],
    ]);
  });

  it('checks stamped templates exist and share the data group when they are known', () => {
    const input = automatic({ process: { type: 'stamp', templateKeys: ['missing', 'request-call'] } });
    const error = errorOf(input, { knownTemplates: [{ key: 'request-call', dataGroup: 'request' }] });
    expect(error.issues.map((found) => found.code)).toEqual([
      'template.unknown-template',
      'template.stamp-other-group',
    ]);
  });
});

describe('validateTemplate: events, timing, owner', () => {
  it('refuses events the group does not have', () => {
    const error = errorOf(templateInput({ event: { type: 'invoice-finalised', group: 'course' } }));
    expect(error).toMatchObject({ code: 'template.event-type-not-allowed', field: 'event.type' });
    expect(error.details?.valid).toContain('status-changed');
  });

  it('refuses status filters the group does not know', () => {
    expect(
      errorOf(templateInput({ event: { type: 'status-changed', group: 'course', to: 'started' } })).field,
    ).toBe('event.to');
  });

  it('lets participant templates listen to course events but not the other way round', () => {
    const participant = templateInput({
      dataGroup: 'participant',
      name: 'Welcome',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
    });
    expect(() => validateTemplate(participant, { actor: user() })).not.toThrow();
    const course = templateInput({ event: { type: 'created', group: 'participant' } });
    expect(errorOf(course)).toMatchObject({ code: 'template.event-group-not-allowed', field: 'event.group' });
  });

  it('refuses field-changed on unknown fields and accepts custom ones', () => {
    expect(
      errorOf(templateInput({ event: { type: 'field-changed', group: 'course', field: 'full' } })).code,
    ).toBe('template.unknown-event-field');
    expect(() =>
      validateTemplate(
        templateInput({ event: { type: 'field-changed', group: 'course', field: 'custom.room' } }),
        { actor: user() },
      ),
    ).not.toThrow();
  });

  it('refuses anchors that are not dates of the group, listing the valid ones', () => {
    const timing = { ...DAYS_AFTER_EVENT, start: { ...DAYS_AFTER_EVENT.start, anchor: 'invoice.dueDate' } };
    const error = errorOf(templateInput({ timing }));
    expect(error).toMatchObject({ code: 'template.unknown-anchor', field: 'timing.start.anchor' });
    expect(error.details?.valid).toContain('course.startDate');
  });

  it("refuses the 'event' anchor on a template without an event", () => {
    expect(errorOf(templateInput({ event: null, timing: DAYS_AFTER_EVENT })).field).toBe(
      'timing.start.anchor',
    );
  });

  it("refuses 'per-event' without an event", () => {
    expect(errorOf(templateInput({ event: null, occurrence: 'per-event' })).field).toBe('occurrence');
  });

  it('refuses owner rules the group cannot resolve', () => {
    const created = { amount: 0, unit: 'days', direction: 'after', anchor: 'created' } as const;
    const input = templateInput({
      dataGroup: 'location',
      name: 'Check [Location:Name]',
      event: null,
      ownerRule: { kind: 'course-contact' },
      timing: { start: created, end: created },
    });
    expect(errorOf(input)).toMatchObject({
      code: 'template.owner-rule-not-available',
      field: 'ownerRule.kind',
    });
  });

  it('checks conditions against the catalogue', () => {
    const error = errorOf(
      templateInput({ conditions: { all: [{ field: 'course.ful', op: 'eq', value: true }] } }),
    );
    expect(error.field).toBe('conditions.all.0.field');
  });

  it('reports every problem at once', () => {
    const error = errorOf(
      templateInput({ name: '[Course:X]', conditions: { all: [{ field: 'course.x', op: 'eq', value: 1 }] } }),
    );
    expect(error.issues.map((found) => found.field)).toEqual(['name', 'conditions.all.0.field']);
  });
});

describe('validateTemplate: defaults for automatic templates', () => {
  const participantAutomatic = automatic({
    dataGroup: 'participant',
    event: { type: 'participant-added', group: 'participant' },
    process: { type: 'person-category', category: 'first-aid-expired', mode: 'remove' },
  });

  it('adds "record is active" to a new automatic template without conditions', () => {
    expect(validateTemplate(participantAutomatic, { actor: automator }).conditions).toEqual({
      all: [{ field: 'participant.active', op: 'eq', value: true }],
      any: [],
    });
  });

  it('keeps conditions the user gave', () => {
    const conditions = { all: [{ field: 'participant.passMet', op: 'eq' as const, value: true }], any: [] };
    expect(
      validateTemplate({ ...participantAutomatic, conditions }, { actor: automator }).conditions,
    ).toEqual(conditions);
  });

  it('adds nothing for groups without an active flag, for manual templates, or when changing', () => {
    expect(
      validateTemplate(automatic({ process: { type: 'set-field', field: 'portalPublished', value: true } }), {
        actor: automator,
      }).conditions.all,
    ).toEqual([]);
    expect(
      validateTemplate({ ...participantAutomatic, execution: 'manual', process: null }, { actor: automator })
        .conditions.all,
    ).toEqual([]);
    const existing = savedTemplate({ ...participantAutomatic });
    const changed = validateTemplate(
      { ...participantAutomatic, conditions: { all: [] } },
      { actor: automator, existing },
    );
    expect(changed.conditions.all).toEqual([]);
  });
});

describe('validateTemplate: rights and immutability', () => {
  const setField = { process: { type: 'set-field', field: 'portalPublished', value: true } } as const;

  it('refuses semi-automatic and automatic templates from users without the automatic-workflow right', () => {
    for (const execution of ['semi-automatic', 'automatic'] as const) {
      const error = errorOf(automatic({ execution, ...setField }), { actor: user() });
      expect(error).toMatchObject({ category: 'forbidden', code: 'template.automatic-workflow-required' });
    }
  });

  it('refuses turning an automatic template into a manual one without the right', () => {
    const existing = savedTemplate(automatic(setField));
    const error = errorOf(templateInput(), { actor: user(), existing });
    expect(error.code).toBe('template.automatic-workflow-required');
  });

  it('lets admins and automators save automatic templates', () => {
    expect(() => validateTemplate(automatic(setField), { actor: user({ admin: true }) })).not.toThrow();
    expect(() => validateTemplate(automatic(setField), { actor: automator })).not.toThrow();
  });

  it('refuses inactive users and users outside the write roles', () => {
    expect(errorOf(templateInput(), { actor: user({ active: false }) }).code).toBe('template.forbidden');
    const existing = savedTemplate({ writeRoles: ['planning'] });
    expect(errorOf(templateInput(), { actor: user({ roles: ['sales'] }), existing }).category).toBe(
      'forbidden',
    );
  });

  it('refuses changing the data group or key of a saved template', () => {
    const existing = savedTemplate();
    const error = errorOf(templateInput({ dataGroup: 'participant', key: 'other' }), { existing });
    expect(error.issues.map((found) => [found.code, found.field])).toEqual([
      ['template.data-group-immutable', 'dataGroup'],
      ['template.key-immutable', 'key'],
    ]);
  });

  it('lets a manual template be changed by any writer', () => {
    const existing = savedTemplate();
    expect(
      validateTemplate(templateInput({ name: 'Lijst [Opleiding:Naam]' }), { actor: user(), existing }).name,
    ).toBe('Lijst [Opleiding:Naam]');
  });
});
