import type { RecordKind } from './kinds.js';

/** The allowed moves of one status-like field; a value with no moves is final. */
export interface StatusMachine {
  readonly field: string;
  readonly transitions: Readonly<Record<string, readonly string[]>>;
}

/**
 * What the set-status process may do, per kind. A request has two machines (its stage and its status);
 * their values do not overlap, so the target value alone says which field changes.
 */
export const STATUS_MACHINES: Readonly<Partial<Record<RecordKind, readonly StatusMachine[]>>> = {
  course: [
    {
      field: 'status',
      transitions: {
        'to-start': ['definitive', 'cancelled'],
        definitive: ['executed', 'cancelled'],
        executed: ['closed', 'cancelled'],
        closed: [],
        cancelled: [],
      },
    },
  ],
  participant: [
    {
      field: 'status',
      transitions: {
        'waiting-list': ['planned', 'cancelled'],
        planned: ['waiting-list', 'completed', 'cancelled'],
        completed: [],
        cancelled: [],
      },
    },
  ],
  request: [
    { field: 'stage', transitions: { quote: ['order'], order: [] } },
    { field: 'status', transitions: { open: ['closed', 'cancelled'], closed: [], cancelled: [] } },
  ],
  invoice: [{ field: 'state', transitions: { draft: ['final'], final: [] } }],
  'web-request': [
    { field: 'status', transitions: { received: ['processed', 'rejected'], processed: [], rejected: [] } },
  ],
};

/** The machine that owns `target` for `kind`, i.e. which field a set-status to `target` changes. */
export function statusMachineFor(kind: RecordKind, target: string): StatusMachine | undefined {
  return STATUS_MACHINES[kind]?.find((machine) => Object.hasOwn(machine.transitions, target));
}

/** Every value a set-status process on `kind` may aim for. */
export function statusTargets(kind: RecordKind): string[] {
  return (STATUS_MACHINES[kind] ?? []).flatMap((machine) => Object.keys(machine.transitions));
}

export function canTransition(kind: RecordKind, from: string, to: string): boolean {
  const machine = statusMachineFor(kind, to);
  return machine?.transitions[from]?.includes(to) ?? false;
}
