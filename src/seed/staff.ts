import type { UserRecord } from '../store/users.js';
import { approveSender, createSender } from '../workflow/admin/senders.js';
import type { NewUser } from '../workflow/admin/users.js';
import { createUser } from '../workflow/admin/users.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import { SYSTEM_USER } from '../workflow/system-user.js';

/**
 * The people of Opleidingscentrum De Brug. Every role the templates use has someone in it, so that each
 * visibility rule can be tried by logging in as a different person. The `.example` top-level domain is
 * reserved (RFC 2606): nothing the demo sends can reach a real mailbox.
 */
export const STAFF = {
  /** Planner and administrator: may create automatic templates, sees everything. */
  ans: {
    name: 'Ans de Vries',
    email: 'ans@debrug.example',
    roles: ['planning'],
    admin: true,
    automaticWorkflow: true,
  },
  /** Second planner, contact person of the EHBO and VCA courses. */
  bram: { name: 'Bram Jansen', email: 'bram@debrug.example', roles: ['planning'] },
  /** Sales: the only one besides admins who sees the quote follow-ups (docs/domain.md §8 example 1). */
  sanne: { name: 'Sanne Bakker', email: 'sanne@debrug.example', roles: ['sales'] },
  /** Finance, English-speaking: shows the bilingual interface. */
  priya: { name: 'Priya Sharma', email: 'priya@debrug.example', roles: ['finance'], locale: 'en' },
} satisfies Record<string, NewUser>;

export type StaffKey = keyof typeof STAFF;
export type Staff = Record<StaffKey, UserRecord>;

export const APPROVED_SENDER = {
  address: 'planning@debrug.example',
  displayName: 'Opleidingscentrum De Brug – planning',
} as const;

/**
 * Users and the approved sender address. The bot itself sets them up (the audit log says 'system'): these
 * are administrative acts that no seeded person really performed. Someone who already exists under one of
 * these addresses (say, a bootstrap admin configured as ans@debrug.example to log in as Ans) is taken as
 * is: the seed never changes an existing person's rights.
 */
export async function seedStaff(deps: WorkflowDeps): Promise<Staff> {
  const entries: Array<[StaffKey, UserRecord]> = [];
  for (const [key, input] of Object.entries(STAFF) as Array<[StaffKey, NewUser]>) {
    const existing = await deps.stores.users.findByEmail(input.email);
    entries.push([key, existing ?? (await createUser(deps, SYSTEM_USER, { locale: 'nl', ...input }))]);
  }
  const sender = await createSender(deps, SYSTEM_USER, APPROVED_SENDER);
  await approveSender(deps, SYSTEM_USER, sender.id);
  return Object.fromEntries(entries) as Staff;
}
