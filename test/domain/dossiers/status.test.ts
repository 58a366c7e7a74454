import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isBillable,
  isCurrentParticipant,
  isRecordClosed,
  STATUS_MACHINES,
  statusMachineFor,
  statusTargets,
} from '../../../src/domain/dossiers/index.js';
import { record } from '../support/records.js';

describe('status transitions', () => {
  it.each([
    ['to-start', 'definitive'],
    ['definitive', 'executed'],
    ['executed', 'closed'],
    ['to-start', 'cancelled'],
    ['definitive', 'cancelled'],
    ['executed', 'cancelled'],
  ])('lets a course go from %s to %s', (from, to) => {
    expect(canTransition('course', from, to)).toBe(true);
  });

  it.each([
    ['to-start', 'executed'],
    ['definitive', 'to-start'],
    ['closed', 'cancelled'],
    ['cancelled', 'to-start'],
    ['closed', 'executed'],
    ['to-start', 'to-start'],
  ])('does not let a course go from %s to %s', (from, to) => {
    expect(canTransition('course', from, to)).toBe(false);
  });

  it('moves a request from quote to order but never back', () => {
    expect(canTransition('request', 'quote', 'order')).toBe(true);
    expect(canTransition('request', 'order', 'quote')).toBe(false);
  });

  it('finalises an invoice once', () => {
    expect(canTransition('invoice', 'draft', 'final')).toBe(true);
    expect(canTransition('invoice', 'final', 'draft')).toBe(false);
  });

  it('moves participants between the waiting list and planned, and removes them', () => {
    expect(canTransition('participant', 'waiting-list', 'planned')).toBe(true);
    expect(canTransition('participant', 'planned', 'waiting-list')).toBe(true);
    expect(canTransition('participant', 'planned', 'cancelled')).toBe(true);
    expect(canTransition('participant', 'completed', 'planned')).toBe(false);
  });

  it('tells which field a target belongs to', () => {
    expect(statusMachineFor('request', 'order')?.field).toBe('stage');
    expect(statusMachineFor('request', 'closed')?.field).toBe('status');
    expect(statusMachineFor('invoice', 'final')?.field).toBe('state');
    expect(statusMachineFor('person', 'active')).toBeUndefined();
  });

  it('has no set-status targets for groups without a status', () => {
    expect(statusTargets('person')).toEqual([]);
    expect(statusTargets('company')).toEqual([]);
    expect(canTransition('person', 'a', 'b')).toBe(false);
  });

  it('only moves to values the machine knows, from values it knows', () => {
    for (const machines of Object.values(STATUS_MACHINES)) {
      for (const machine of machines ?? []) {
        for (const targets of Object.values(machine.transitions)) {
          for (const target of targets) expect(Object.keys(machine.transitions)).toContain(target);
        }
      }
    }
  });

  it('keeps the values of the two request machines apart', () => {
    const [stage, status] = STATUS_MACHINES.request ?? [];
    const overlap = Object.keys(stage?.transitions ?? {}).filter((value) =>
      Object.hasOwn(status?.transitions ?? {}, value),
    );
    expect(overlap).toEqual([]);
  });
});

describe('record rules', () => {
  it('calls closed and cancelled courses closed, executed ones not', () => {
    expect(isRecordClosed(record('course', { status: 'closed' }))).toBe(true);
    expect(isRecordClosed(record('course', { status: 'cancelled' }))).toBe(true);
    expect(isRecordClosed(record('course', { status: 'executed' }))).toBe(false);
  });

  it('calls removed participants closed but not completed ones', () => {
    expect(isRecordClosed(record('participant', { status: 'cancelled' }))).toBe(true);
    expect(isRecordClosed(record('participant', { status: 'completed' }))).toBe(false);
  });

  it('calls cancelled requests and rejected web requests closed, never persons', () => {
    expect(isRecordClosed(record('request', { status: 'cancelled' }))).toBe(true);
    expect(isRecordClosed(record('web-request', { status: 'rejected' }))).toBe(true);
    expect(isRecordClosed(record('person', { active: false }))).toBe(false);
  });

  it('fans out to active participants that were not removed', () => {
    expect(isCurrentParticipant({ status: 'planned', active: true })).toBe(true);
    expect(isCurrentParticipant({ status: 'waiting-list', active: true })).toBe(true);
    expect(isCurrentParticipant({ status: 'completed', active: true })).toBe(true);
    expect(isCurrentParticipant({ status: 'cancelled', active: true })).toBe(false);
    expect(isCurrentParticipant({ status: 'planned', active: false })).toBe(false);
  });

  it('bills open orders only', () => {
    expect(isBillable({ stage: 'order', status: 'open' })).toBe(true);
    expect(isBillable({ stage: 'quote', status: 'open' })).toBe(false);
    expect(isBillable({ stage: 'order', status: 'cancelled' })).toBe(false);
  });
});
