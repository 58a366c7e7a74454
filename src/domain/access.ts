/**
 * What an API token may be used for (docs/api.md): one scope per route, `admin` standing for all. Shared
 * by the REST API, the console's token sign-in and the CLI, so it is the domain's, not the store's.
 */
export const apiScopes = [
  'templates:read',
  'templates:write',
  'dossiers:read',
  'dossiers:write',
  'events:write',
  'actions:read',
  'actions:write',
  'admin',
] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A valid token as the surfaces see it: whose it is and what it may do; never its secret or hash. */
export interface ApiTokenGrant {
  id: string;
  name: string;
  userId: string;
  scopes: ApiScope[];
}
