import type { User } from '../domain/rights/user.js';

/** The bot as an actor: what automatic stamping and process execution are recorded as doing. */
export const SYSTEM_USER: User = {
  id: 'system',
  name: 'Stempel',
  roles: [],
  admin: true,
  automaticWorkflow: true,
  locale: 'en',
  active: true,
};
