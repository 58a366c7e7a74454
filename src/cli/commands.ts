import { parseArgs } from 'node:util';
import { DomainError } from '../domain/errors.js';
import { apiScopes } from '../store/api-tokens.js';
import { CLI_OPERATOR } from '../workflow/admin/authorize.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../workflow/admin/tokens.js';
import { createUser } from '../workflow/admin/users.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { linkChatIdentity, unlinkChatIdentity } from '../workflow/identities.js';

/** Where a command writes: results to `out` (so they can be piped), explanations to `err`. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const usage = `Usage: stempel-cli <command>

  token create --user <email> --scopes <a,b> --name <name> [--expires <date>]
      Issues an API token for a user. Scopes: ${apiScopes.join(', ')}.
      --expires takes a date (2027-01-01, meaning 00:00 UTC) or an ISO date-time.
  token list
  token revoke <token-id>
  user create --email <email> --name <name> [--roles <a,b>] [--admin] [--automatic-workflow]
              [--locale nl|en] [--time-zone <IANA zone>]
  user link --email <email> (--slack <team-id>/<user-id> | --teams <aad-object-id>)
      Links a chat identity by hand (people are also linked by their e-mail address on first use).
  user unlink --email <email> (--slack <team-id>/<user-id> | --teams <aad-object-id>)

Reads the same environment as the service. Without MONGODB_URI it uses the in-process database of
the service running on the same DATA_DIR (npm start).`;

function invalid(field: string, message: string): DomainError {
  return new DomainError({
    category: 'invalid-input',
    code: 'cli.invalid',
    field,
    message,
    params: { problem: message },
  });
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(name, `--${name} is required`);
  return value;
}

/** A bare date means the start of that day in UTC; anything else must be an ISO date-time. */
function parseExpiry(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const moment = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(moment.getTime())) throw invalid('expires', '--expires must be a date such as 2027-01-01');
  return moment;
}

async function tokenCreate(deps: WorkflowDeps, args: string[], io: CliOutput): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      scopes: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const created = await createApiToken(deps, CLI_OPERATOR, {
    userEmail: required(values, 'user'),
    scopes: list(required(values, 'scopes')),
    name: required(values, 'name'),
    expiresAt: parseExpiry(values.expires),
  });
  io.err(
    `Created token ${created.id} for ${values.user} with scopes ${created.scopes.join(', ')}` +
      (created.expiresAt ? `, valid until ${created.expiresAt.toISOString()}` : ', without expiry'),
  );
  io.out(created.token);
  io.err('Store this token now: it is shown only once and cannot be shown again.');
}

async function tokenList(deps: WorkflowDeps, io: CliOutput): Promise<void> {
  const tokens = await listApiTokens(deps, CLI_OPERATOR);
  if (tokens.length === 0) io.err('No tokens.');
  for (const token of tokens) {
    const status = token.revokedAt
      ? `revoked ${token.revokedAt.toISOString()}`
      : token.expiresAt
        ? `expires ${token.expiresAt.toISOString()}`
        : 'no expiry';
    io.out([token._id, token.preview, token.name, token.userId, token.scopes.join(','), status].join('\t'));
  }
}

async function tokenRevoke(deps: WorkflowDeps, args: string[], io: CliOutput): Promise<void> {
  const [id] = parseArgs({ args, allowPositionals: true, options: {} }).positionals;
  if (!id) throw invalid('id', 'Name the token to revoke: token revoke <token-id>');
  await revokeApiToken(deps, CLI_OPERATOR, id);
  io.err(`Revoked token ${id}.`);
}

async function userCreate(deps: WorkflowDeps, args: string[], io: CliOutput): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      admin: { type: 'boolean' },
      'automatic-workflow': { type: 'boolean' },
      locale: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const user = await createUser(deps, CLI_OPERATOR, {
    email: required(values, 'email'),
    name: required(values, 'name'),
    roles: list(values.roles),
    admin: values.admin ?? false,
    automaticWorkflow: values['automatic-workflow'] ?? false,
    ...(values.locale ? { locale: values.locale } : {}),
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
  });
  io.out(user.id);
  io.err(`Created user ${user.email}${user.admin ? ' (administrator)' : ''}.`);
}

function identityOf(values: { slack?: string | undefined; teams?: string | undefined }) {
  if (values.slack && values.teams) throw invalid('slack', 'Give --slack or --teams, not both');
  if (values.slack) {
    const [teamId, userId] = values.slack.split('/');
    return { platform: 'slack', teamId, userId };
  }
  if (values.teams) return { platform: 'teams', aadObjectId: values.teams };
  throw invalid('slack', 'Name the identity: --slack <team-id>/<user-id> or --teams <aad-object-id>');
}

async function userLink(deps: WorkflowDeps, args: string[], io: CliOutput, unlink: boolean): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, slack: { type: 'string' }, teams: { type: 'string' } },
  });
  const email = required(values, 'email');
  const user = await deps.stores.users.findByEmail(email);
  if (!user) throw invalid('email', `No user with e-mail ${email}`);
  const command = { userId: user.id, identity: identityOf(values) };
  const linked = unlink
    ? await unlinkChatIdentity(deps, CLI_OPERATOR, command)
    : await linkChatIdentity(deps, CLI_OPERATOR, command);
  io.err(
    `${unlink ? 'Unlinked' : 'Linked'}; ${linked.email} now has ${linked.chatIdentities.length} chat identities.`,
  );
}

/** Runs one command line; throws DomainError (or a parseArgs TypeError) for the caller to report. */
export async function runCommand(deps: WorkflowDeps, argv: string[], io: CliOutput): Promise<void> {
  const [noun, verb, ...rest] = argv;
  const command = `${noun ?? ''} ${verb ?? ''}`.trim();
  switch (command) {
    case 'token create':
      return tokenCreate(deps, rest, io);
    case 'token list':
      return tokenList(deps, io);
    case 'token revoke':
      return tokenRevoke(deps, rest, io);
    case 'user create':
      return userCreate(deps, rest, io);
    case 'user link':
      return userLink(deps, rest, io, false);
    case 'user unlink':
      return userLink(deps, rest, io, true);
    default:
      throw invalid('command', command ? `Unknown command: ${command}` : 'Name a command');
  }
}
