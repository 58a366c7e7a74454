import { addDays } from 'date-fns';
import {
  canTransition,
  type DossierRecord,
  fieldPatch,
  fieldSpec,
  isBillable,
  statusMachineFor,
} from '../../domain/dossiers/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Process } from '../../domain/templates/index.js';
import { atTimeOfDay, localDateOf } from '../../domain/timing/index.js';
import { fieldWords, groupWord, valueWords } from '../../i18n/labels.js';
import type { VersionedDossier } from '../../store/dossiers.js';
import { createDossierRecord, getDossierRecord, updateDossierRecord } from '../dossiers.js';
import {
  done,
  failure,
  type ProcessHandler,
  type ProcessInput,
  type ProcessOutcome,
  type ProcessResult,
  rejected,
} from './types.js';

type Of<T extends Process['type']> = Extract<Process, { type: T }>;

/** Record changes go through the dossier use case, so they fire events and chain further templates. */
async function patchRecord(
  input: ProcessInput,
  record: VersionedDossier,
  patch: Record<string, unknown>,
  summary: string,
  result: ProcessResult,
): Promise<ProcessOutcome> {
  try {
    await updateDossierRecord(input.deps, input.system, { id: record.id, patch, current: record });
    return done(summary, result.code, result.params);
  } catch (error) {
    // Invalid values are known before running (prepare checks them); what is left is the database.
    return failure(error, 'record.update-failed', !(error instanceof DomainError));
  }
}

function read(record: DossierRecord, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], record);
}

export const setStatus: ProcessHandler<Of<'set-status'>> = async (input, process) => {
  const { record } = input;
  const machine = statusMachineFor(record.group, process.status);
  if (!machine) {
    return rejected(
      'set-status.unknown-status',
      `${record.group} has no status '${process.status}'`,
      undefined,
      { group: groupWord(record.group), status: process.status },
    );
  }
  const from = String(read(record, machine.field));
  const changes = from !== process.status;
  // Already there (e.g. a retried execution whose first run got through) counts as done, not as an error.
  if (changes && !canTransition(record.group, from, process.status)) {
    return rejected(
      'set-status.transition-not-allowed',
      `A ${record.group} cannot go from ${from} to ${process.status}`,
      { from, to: process.status },
      {
        field: fieldWords(record.group, machine.field),
        from: valueWords(record.group, machine.field, from),
        to: valueWords(record.group, machine.field, process.status),
      },
    );
  }
  const words = {
    field: fieldWords(record.group, machine.field),
    from: valueWords(record.group, machine.field, from),
    to: valueWords(record.group, machine.field, process.status),
  };
  return {
    ok: true,
    preview: {
      type: 'set-status',
      record: input.action.record,
      field: machine.field,
      from,
      to: process.status,
      changes,
    },
    run: async () =>
      changes
        ? patchRecord(
            input,
            record,
            { [machine.field]: process.status },
            `${machine.field}: ${from} → ${process.status}`,
            { code: 'set-status.changed', params: words },
          )
        : done(`${machine.field} was already ${process.status}`, 'set-status.already', words),
  };
};

export const setField: ProcessHandler<Of<'set-field'>> = async (input, process) => {
  const { record } = input;
  const isCustom = process.field.startsWith('custom.');
  const spec = isCustom ? undefined : fieldSpec(record.group, process.field);
  if (!isCustom && !spec?.writable) {
    return rejected(
      'set-field.unknown-field',
      `${record.group} has no writable field '${process.field}'`,
      undefined,
      { group: groupWord(record.group), field: fieldWords(record.group, process.field) },
    );
  }
  const from = read(record, process.field) ?? null;
  const to = process.value;
  const changes = JSON.stringify(from) !== JSON.stringify(to);
  const timeZone = input.workspace.calendar.timeZone;
  const words = {
    field: fieldWords(record.group, process.field),
    to: valueWords(record.group, process.field, to, timeZone),
  };
  return {
    ok: true,
    preview: { type: 'set-field', record: input.action.record, field: process.field, from, to, changes },
    run: async () =>
      changes
        ? patchRecord(
            input,
            record,
            fieldPatch(record, process.field, to),
            `${process.field} = ${JSON.stringify(to)}`,
            { code: 'set-field.changed', params: words },
          )
        : done(`${process.field} was already ${JSON.stringify(to)}`, 'set-field.already', words),
  };
};

export const personCategory: ProcessHandler<Of<'person-category'>> = async (input, process) => {
  const personId = input.context.records.person?.id as string | undefined;
  if (!personId) return rejected('person-category.no-person', 'There is no person on this record');
  const person = await getDossierRecord(input.deps, personId);
  if (person.group !== 'person')
    return rejected('person-category.no-person', 'There is no person on this record');
  const has = person.categories.some((category) => category.toLowerCase() === process.category.toLowerCase());
  const changes = process.mode === 'add' ? !has : has;
  const categories =
    process.mode === 'add'
      ? [...person.categories, process.category]
      : person.categories.filter((category) => category.toLowerCase() !== process.category.toLowerCase());
  return {
    ok: true,
    preview: { type: 'person-category', personId, category: process.category, mode: process.mode, changes },
    run: async () =>
      changes
        ? patchRecord(input, person, { categories }, `${process.mode} category ${process.category}`, {
            code: process.mode === 'add' ? 'person-category.added' : 'person-category.removed',
            params: { category: process.category },
          })
        : done(
            `category ${process.category} was already ${process.mode === 'add' ? 'there' : 'absent'}`,
            process.mode === 'add' ? 'person-category.already-there' : 'person-category.already-absent',
            { category: process.category },
          ),
  };
};

/** Payment term when the request names none; Dutch B2B practice. */
const defaultPaymentTermDays = 30;

export const createInvoice: ProcessHandler<Of<'create-invoice'>> = async (input) => {
  const request = input.record;
  if (request.group !== 'request')
    return rejected('create-invoice.not-a-request', 'Invoices are created from requests');
  // The invoice id follows from the action, so executing twice (a retry after a crash) cannot bill twice.
  const invoiceId = `inv-${input.action.id}`;
  const exists = (await input.deps.stores.dossiers.get(invoiceId)) !== undefined;
  if (!exists && !isBillable(request)) {
    return rejected(
      'create-invoice.not-billable',
      `Request ${request.number} is not a billable order (stage ${request.stage}, status ${request.status})`,
      undefined,
      {
        number: request.number,
        stage: valueWords('request', 'stage', request.stage),
        status: valueWords('request', 'status', request.status),
      },
    );
  }
  const { calendar } = input.workspace;
  const now = input.deps.clock();
  const dueDay = localDateOf(
    addDays(now, request.paymentTermDays ?? defaultPaymentTermDays),
    calendar.timeZone,
  );
  const dueDate = atTimeOfDay(dueDay, calendar.defaultTimeOfDay, calendar.timeZone);
  const amount = request.amount ?? 0;
  return {
    ok: true,
    preview: { type: 'create-invoice', requestId: request.id, invoiceId, amount, dueDate, exists },
    run: async () => {
      const already = () =>
        done(`invoice ${invoiceId} already exists`, 'create-invoice.exists', { invoice: invoiceId });
      if (exists) return already();
      try {
        await createDossierRecord(input.deps, input.system, {
          group: 'invoice',
          id: invoiceId,
          input: {
            state: 'draft',
            amount,
            dueDate,
            paid: false,
            requestId: request.id,
            companyId: request.companyId,
          },
        });
        return done(
          `draft invoice ${invoiceId} created`,
          'create-invoice.created',
          { invoice: invoiceId },
          { invoiceId },
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'dossier.exists') {
          return already();
        }
        return failure(error, 'create-invoice.failed', !(error instanceof DomainError));
      }
    },
  };
};
