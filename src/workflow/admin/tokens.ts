import { type ApiScope, type ApiTokenGrant, apiScopes } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import type { ErrorCode } from '../../i18n/coded/index.js';
import type { ApiTokenDoc } from '../../store/api-tokens.js';
import type { WorkflowDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requireAdmin } from './authorize.js';

export interface CreateTokenCommand {
  /** The user the token acts for, by e-mail. */
  userEmail: string;
  scopes: readonly string[];
  name: string;
  expiresAt?: Date | undefined;
}

function invalid(code: ErrorCode, field: string, message: string, details?: Record<string, unknown>) {
  return new DomainError({
    category: 'invalid-input',
    code,
    field,
    message,
    ...(details ? { details } : {}),
  });
}

function checkedScopes(scopes: readonly string[]): ApiScope[] {
  const unknown = scopes.filter((scope) => !(apiScopes as readonly string[]).includes(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    throw invalid(
      'token.invalid-scopes',
      'scopes',
      unknown.length > 0 ? `Unknown scope(s): ${unknown.join(', ')}` : 'Give at least one scope',
      { valid: [...apiScopes] },
    );
  }
  return [...new Set(scopes)] as ApiScope[];
}

/**
 * Issues an API token for a user. The secret is returned once and only its hash is stored, so it cannot
 * be shown again; a lost token is revoked and replaced.
 */
export async function createApiToken(
  deps: WorkflowDeps,
  actor: User,
  command: CreateTokenCommand,
): Promise<{ id: string; token: string; userId: string; scopes: ApiScope[]; expiresAt?: Date }> {
  requireAdmin(actor, 'issue API tokens');
  const scopes = checkedScopes(command.scopes);
  const name = command.name.trim();
  if (!name) throw invalid('token.invalid-name', 'name', 'Give the token a name, e.g. the system it is for');
  const now = deps.clock();
  if (command.expiresAt && command.expiresAt.getTime() <= now.getTime()) {
    throw invalid('token.expiry-in-past', 'expiresAt', 'The expiry must lie in the future');
  }
  const user = await deps.stores.users.findByEmail(command.userEmail);
  if (!user) {
    throw new DomainError({
      category: 'not-found',
      code: 'user.not-found',
      field: 'user',
      message: `No user with e-mail ${command.userEmail}`,
      details: { id: command.userEmail },
    });
  }
  if (!user.active) {
    throw new DomainError({
      category: 'conflict',
      code: 'token.user-inactive',
      field: 'user',
      message: `${command.userEmail} is deactivated; a token for them would not work`,
      params: { email: command.userEmail },
    });
  }
  const created = await deps.stores.apiTokens.create({
    name,
    userId: user.id,
    scopes,
    now,
    ...(command.expiresAt ? { expiresAt: command.expiresAt } : {}),
  });
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'api-token.created',
    entity: { type: 'api-token', id: created.id },
    after: { name, userId: user.id, scopes, expiresAt: command.expiresAt },
  });
  return {
    ...created,
    userId: user.id,
    scopes,
    ...(command.expiresAt ? { expiresAt: command.expiresAt } : {}),
  };
}

/** Tokens without their hashes, oldest first. */
export async function listApiTokens(deps: WorkflowDeps, actor: User): Promise<Omit<ApiTokenDoc, 'hash'>[]> {
  requireAdmin(actor, 'list API tokens');
  return deps.stores.apiTokens.list();
}

export async function revokeApiToken(deps: WorkflowDeps, actor: User, id: string): Promise<void> {
  requireAdmin(actor, 'revoke API tokens');
  const now = deps.clock();
  if (!(await deps.stores.apiTokens.revoke(id, now))) {
    const known = (await deps.stores.apiTokens.list()).find((token) => token._id === id);
    if (!known) throw notFound('api-token', id);
    throw new DomainError({
      category: 'conflict',
      code: 'token.already-revoked',
      message: `Token ${id} was already revoked`,
      params: { id },
      details: { revokedAt: known.revokedAt },
    });
  }
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'api-token.revoked',
    entity: { type: 'api-token', id },
  });
}

/**
 * The grant a presented API token carries, when it is valid now (not revoked, not expired); its last use
 * is stamped. The one way every surface (REST API, console sign-in) checks a token.
 */
export async function verifyApiToken(deps: WorkflowDeps, secret: string): Promise<ApiTokenGrant | undefined> {
  const token = await deps.stores.apiTokens.verify(secret, deps.clock());
  return token ? { id: token._id, name: token.name, userId: token.userId, scopes: token.scopes } : undefined;
}
