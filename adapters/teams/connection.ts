import {
  type AuthConfiguration,
  AuthType,
  CloudAdapter,
  createOutboundHostValidator,
} from '@microsoft/agents-hosting';

/**
 * How the bot authenticates (docs/teams.md): a SingleTenant Entra app registration with a client secret
 * or a user-assigned managed identity, or — outside production only — no authentication at all, for the
 * Agents Playground and tests.
 */
export type TeamsSettings =
  | {
      mode: 'authenticated';
      appId: string;
      tenantId: string;
      credential: { kind: 'secret'; password: string } | { kind: 'managed-identity' };
      /** Where Entra ID is: its public cloud by default, a sovereign cloud, or a test's fake. */
      authority?: string;
    }
  | { mode: 'anonymous' };

/** The identity the bot acts as when it writes first (proactive messages); any non-empty id when anonymous. */
export function botIdentityOf(settings: TeamsSettings): string {
  return settings.mode === 'authenticated' ? settings.appId : 'anonymous';
}

function authConfigurationOf(settings: TeamsSettings): AuthConfiguration {
  if (settings.mode === 'anonymous') return {};
  const credential =
    settings.credential.kind === 'secret'
      ? { authType: AuthType.ClientSecret, clientSecret: settings.credential.password }
      : { authType: AuthType.UserManagedIdentity };
  return {
    clientId: settings.appId,
    tenantId: settings.tenantId,
    ...credential,
    ...(settings.authority ? { authorityEndpoint: settings.authority } : {}),
    // The SDK leaves issuer checks off by default; a SingleTenant bot accepts its own tenant and the Bot
    // Framework only.
    validateIssuer: true,
  };
}

/**
 * The SDK's CloudAdapter for these settings: it checks the JWT of every request (keys from the
 * authority's `discovery/v2.0/keys`, or Bot Framework's for Bot Framework tokens) and gets tokens for
 * writing to Teams. With credentials, replies go only to Microsoft's own service URLs.
 */
export function createTeamsAdapter(settings: TeamsSettings): CloudAdapter {
  return new CloudAdapter(
    authConfigurationOf(settings),
    undefined,
    undefined,
    { validateServiceUrl: settings.mode === 'authenticated' },
    createOutboundHostValidator({ enabled: settings.mode === 'authenticated' }),
  );
}
