import type { CreateDossierInput, RecordKind, RecordOf } from '../domain/dossiers/index.js';
import type { User } from '../domain/rights/user.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { createDossierRecord } from '../workflow/dossiers.js';

/**
 * Creates a record through the dossier use case — never the store — so that its events are recorded and
 * the templates stamp exactly what they would for a record entered by a person.
 */
export async function createRecord<K extends RecordKind>(
  deps: WorkflowDeps,
  actor: User,
  group: K,
  input: CreateDossierInput<K>,
): Promise<RecordOf<K>> {
  const { record } = await createDossierRecord(deps, actor, { group, input });
  // The use case returns a record of the group it was asked for; its type just cannot say so.
  return record as unknown as RecordOf<K>;
}
