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
      /**
       * Client apps whose tokens from the bot's own tenant are accepted besides the Bot Framework's
       * (none in production: any app in a tenant can get such a token; the tests name their fake).
       */
      tenantCallers?: readonly string[];
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
    // The SDK leaves issuer checks off by default. On, it accepts the Bot Framework, Microsoft's
    // first-party tenants and the bot's own tenant; isTeamsCaller narrows that to the Bot Framework.
    validateIssuer: true,
  };
}

/** The Bot Connector's service hosts (public cloud, GCC, GCC High, DoD): the only ones written to. */
const TEAMS_SERVICE_HOSTS = [
  'smba.trafficmanager.net',
  'botframework.com',
  'botframework.us',
  'teams.microsoft.com',
  'teams.microsoft.us',
];

const BOT_FRAMEWORK_ISSUERS = new Set(['https://api.botframework.com', 'https://api.botframework.us']);

/**
 * The SDK's CloudAdapter for these settings: it checks the JWT of every request (keys from the
 * authority's `discovery/v2.0/keys`, or Bot Framework's for Bot Framework tokens) and gets tokens for
 * writing to Teams. With credentials, replies go only to the Bot Connector's hosts — not the SDK's
 * default list, which also allows any Azure Storage or SharePoint host.
 */
export function createTeamsAdapter(settings: TeamsSettings): CloudAdapter {
  return new CloudAdapter(
    authConfigurationOf(settings),
    undefined,
    undefined,
    { validateServiceUrl: settings.mode === 'authenticated' },
    createOutboundHostValidator({
      enabled: settings.mode === 'authenticated',
      includeDefaultMicrosoftHosts: false,
      hosts: TEAMS_SERVICE_HOSTS,
    }),
  );
}

/**
 * Whether the verified token of a request is Teams' (docs/teams.md, Security): issued by the Bot
 * Framework, carrying the service URL it may answer to. The SDK also accepts tokens of the bot's own
 * tenant, which any app registered there can get for the bot's app id; those are refused unless their
 * client app is one of `tenantCallers`.
 */
export function isTeamsCaller(settings: TeamsSettings, claims: unknown): boolean {
  if (settings.mode === 'anonymous') return true;
  const token = (claims ?? {}) as { iss?: unknown; serviceurl?: unknown; azp?: unknown; appid?: unknown };
  if (typeof token.iss === 'string' && BOT_FRAMEWORK_ISSUERS.has(token.iss.toLowerCase())) {
    return typeof token.serviceurl === 'string';
  }
  const caller = typeof token.azp === 'string' ? token.azp : token.appid;
  return typeof caller === 'string' && (settings.tenantCallers ?? []).includes(caller);
}

/** The tenant a SingleTenant bot serves; none when anonymous (development). */
export function homeTenantOf(settings: TeamsSettings): string | undefined {
  return settings.mode === 'authenticated' ? settings.tenantId.toLowerCase() : undefined;
}
