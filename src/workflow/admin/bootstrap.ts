import { apiScopes } from '../../store/api-tokens.js';
import type { UserRecord } from '../../store/users.js';
import type { WorkflowDeps } from '../deps.js';
import { newUserId } from './users.js';

const bootstrapActor = 'system';

/**
 * Makes sure every configured administrator exists and is an admin. Runs at every start and may run on
 * two instances at once: the unique e-mail index lets exactly one insert win, and the loser re-reads.
 * A bootstrap admin who was deactivated stays deactivated — switching someone off is a deliberate act
 * that a restart must not undo.
 */
export async function ensureBootstrapAdmins(
  deps: WorkflowDeps,
  emails: readonly string[],
): Promise<UserRecord[]> {
  const admins: UserRecord[] = [];
  for (const email of emails.map((value) => value.toLowerCase())) {
    admins.push(await ensureAdmin(deps, email));
  }
  return admins;
}

async function ensureAdmin(deps: WorkflowDeps, email: string): Promise<UserRecord> {
  const now = deps.clock();
  const existing = await deps.stores.users.findByEmail(email);
  if (existing?.admin) return existing;
  if (existing) {
    const promoted = { ...existing, admin: true, updatedAt: now };
    await deps.stores.users.replace(promoted);
    await deps.stores.audit.write({
      at: now,
      actor: bootstrapActor,
      kind: 'user.bootstrapped',
      entity: { type: 'user', id: existing.id },
      before: existing,
      after: promoted,
    });
    return promoted;
  }
  const user: UserRecord = {
    id: newUserId(),
    // The part before @ is a readable name until someone sets the real one.
    name: email.split('@')[0] ?? email,
    email,
    roles: [],
    admin: true,
    automaticWorkflow: true,
    locale: (await deps.workspace.get()).locale,
    active: true,
    chatIdentities: [],
    createdAt: now,
    updatedAt: now,
  };
  // Another instance may have inserted the same admin a moment ago.
  if ((await deps.stores.users.insert(user)) === 'email-taken') return ensureAdmin(deps, email);
  await deps.stores.audit.write({
    at: now,
    actor: bootstrapActor,
    kind: 'user.bootstrapped',
    entity: { type: 'user', id: user.id },
    after: user,
  });
  return user;
}

/**
 * The configured bootstrap token: a token with every scope for the first bootstrap admin, so a fresh
 * installation (or the embedded database, which the CLI cannot reach) can be driven through the API.
 * Idempotent: the same secret is stored once, whichever instance gets there first.
 */
export async function ensureBootstrapToken(
  deps: WorkflowDeps,
  admin: UserRecord,
  token: string,
): Promise<void> {
  await deps.stores.apiTokens.ensure({
    name: 'bootstrap (BOOTSTRAP_API_TOKEN)',
    userId: admin.id,
    scopes: [...apiScopes],
    token,
    now: deps.clock(),
  });
}
