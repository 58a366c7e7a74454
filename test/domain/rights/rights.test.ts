import { describe, expect, it } from 'vitest';
import {
  canChangeExecution,
  canEditTemplate,
  canReadAction,
  canStampTemplate,
  canWriteAction,
} from '../../../src/domain/rights/index.js';
import { user } from '../support/templates.js';

const sales = user({ id: 'u-sales', roles: ['sales'] });
const planner = user({ id: 'u-plan', roles: ['planning'] });
const admin = user({ id: 'u-admin', admin: true });
const action = (
  fields: Partial<{ readRoles: string[]; writeRoles: string[]; ownerUserId: string | null }> = {},
) => ({
  readRoles: [],
  writeRoles: [],
  ownerUserId: null,
  ...fields,
});

describe('action rights', () => {
  it('lets everyone read and write when the role lists are empty', () => {
    expect(canReadAction(planner, action())).toBe(true);
    expect(canWriteAction(planner, action())).toBe(true);
  });

  it('shows a sales action only to sales users (example 1)', () => {
    const callBack = action({ readRoles: ['sales'], writeRoles: ['sales'] });
    expect(canReadAction(sales, callBack)).toBe(true);
    expect(canWriteAction(sales, callBack)).toBe(true);
    expect(canReadAction(planner, callBack)).toBe(false);
    expect(canWriteAction(planner, callBack)).toBe(false);
  });

  it('lets readers read but not write when write roles are restricted', () => {
    const restricted = action({ readRoles: [], writeRoles: ['planning'] });
    expect(canReadAction(sales, restricted)).toBe(true);
    expect(canWriteAction(sales, restricted)).toBe(false);
    expect(canWriteAction(planner, restricted)).toBe(true);
  });

  it('lets writers read even when not in the read roles', () => {
    expect(canReadAction(planner, action({ readRoles: ['management'], writeRoles: ['planning'] }))).toBe(
      true,
    );
  });

  it('does not let empty write roles open an action to users who cannot read it', () => {
    expect(canWriteAction(planner, action({ readRoles: ['sales'] }))).toBe(false);
  });

  it('lets the owner read and write their own action', () => {
    const owned = action({ readRoles: ['sales'], writeRoles: ['sales'], ownerUserId: planner.id });
    expect(canReadAction(planner, owned)).toBe(true);
    expect(canWriteAction(planner, owned)).toBe(true);
  });

  it('lets admins see and do everything', () => {
    const restricted = action({ readRoles: ['sales'], writeRoles: ['sales'] });
    expect(canReadAction(admin, restricted)).toBe(true);
    expect(canWriteAction(admin, restricted)).toBe(true);
  });

  it('gives inactive users no rights at all', () => {
    const gone = user({ active: false, admin: true });
    expect(canReadAction(gone, action({ ownerUserId: gone.id }))).toBe(false);
    expect(canWriteAction(gone, action())).toBe(false);
  });
});

describe('template rights', () => {
  const template = (
    fields: Partial<{
      writeRoles: string[];
      readRoles: string[];
      archived: boolean;
      execution: 'manual' | 'automatic';
    }> = {},
  ) => ({
    readRoles: [],
    writeRoles: [],
    archived: false,
    execution: 'manual' as const,
    ...fields,
  });

  it('lets writers stamp, not others, and nobody stamp an archived template', () => {
    expect(canStampTemplate(sales, template({ writeRoles: ['sales'] }))).toBe(true);
    expect(canStampTemplate(planner, template({ writeRoles: ['sales'] }))).toBe(false);
    expect(canStampTemplate(admin, template({ archived: true }))).toBe(false);
  });

  it('does not need the automatic-workflow right to stamp an automatic template', () => {
    expect(canStampTemplate(sales, template({ execution: 'automatic' }))).toBe(true);
  });

  it('needs the automatic-workflow right to edit automated templates', () => {
    expect(canEditTemplate(sales, template())).toBe(true);
    expect(canEditTemplate(sales, template({ execution: 'automatic' }))).toBe(false);
    expect(canEditTemplate(user({ automaticWorkflow: true }), template({ execution: 'automatic' }))).toBe(
      true,
    );
    expect(canEditTemplate(admin, template({ execution: 'automatic' }))).toBe(true);
  });

  it.each([
    [undefined, 'manual', true],
    ['manual', 'manual', true],
    [undefined, 'semi-automatic', false],
    ['manual', 'automatic', false],
    ['automatic', 'manual', false],
    ['semi-automatic', 'automatic', false],
  ] as const)('without the right, %s → %s allowed: %s', (before, after, allowed) => {
    expect(canChangeExecution(sales, before, after)).toBe(allowed);
    expect(canChangeExecution(user({ automaticWorkflow: true }), before, after)).toBe(true);
  });
});
