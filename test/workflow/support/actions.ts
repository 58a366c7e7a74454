import type { Action } from '../../../src/domain/actions/index.js';
import type { RecordKind } from '../../../src/domain/dossiers/index.js';
import type { TestWorkspace } from './workspace.js';

/** Every action on a record, whatever its state, oldest number first. */
export async function actionsOn(
  ws: TestWorkspace,
  record: { group: RecordKind; id: string },
): Promise<Action[]> {
  const { items } = await ws.stores.actions.find({ record }, { limit: 10_000, skip: 0 });
  return items.sort((a, b) => a.number - b.number);
}

/** Every action a template stamped, whatever its state. */
export async function actionsOf(ws: TestWorkspace, templateId: string): Promise<Action[]> {
  const { items } = await ws.stores.actions.find({ templateId }, { limit: 10_000, skip: 0 });
  return items.sort((a, b) => a.number - b.number);
}

/** The one action a template stamped on a record; fails the test when there is not exactly one. */
export async function onlyAction(ws: TestWorkspace, templateId: string, recordId: string): Promise<Action> {
  const found = (await actionsOf(ws, templateId)).filter((action) => action.record.id === recordId);
  if (found.length !== 1)
    throw new Error(`expected 1 action of ${templateId} on ${recordId}, got ${found.length}`);
  return found[0]!;
}
