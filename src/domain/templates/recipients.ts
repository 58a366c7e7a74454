import { courseContactUserId, type RecordContext } from '../dossiers/context.js';
import type { RecordKind } from '../dossiers/kinds.js';
import { contextKinds } from '../dossiers/relations.js';
import { RECIPIENT_ROLES, type Recipient, type RecipientRole } from './process.js';

/** The record a role needs in the context; `owner` needs none. */
const ROLE_NEEDS: Readonly<Record<RecipientRole, RecordKind | undefined>> = {
  participant: 'participant',
  'person-business': 'person',
  'person-first': 'person',
  contact: 'contact',
  debtor: 'company',
  'course-contact': 'course',
  owner: undefined,
};

/** The symbolic recipients a template of `group` can address. */
export function recipientRolesFor(group: RecordKind): RecipientRole[] {
  const kinds = contextKinds(group);
  return RECIPIENT_ROLES.filter((role) => {
    const needs = ROLE_NEEDS[role];
    return needs === undefined || kinds.includes(needs);
  });
}

export interface RecipientLookup {
  readonly ownerUserId: string | null;
  /** The e-mail address of a user, from the user directory. */
  readonly userEmail: (userId: string) => string | undefined;
}

export interface ResolvedRecipients {
  readonly addresses: string[];
  /** Roles that yielded no address: the e-mail process rejects the action with these as the reason. */
  readonly unresolved: RecipientRole[];
}

/** The addresses of `recipients` for one record, each address once. */
export function resolveRecipients(
  recipients: readonly Recipient[],
  context: RecordContext,
  lookup: RecipientLookup,
): ResolvedRecipients {
  const addresses = new Set<string>();
  const unresolved: RecipientRole[] = [];
  for (const recipient of recipients) {
    const address =
      recipient.kind === 'address' ? recipient.address : addressOf(recipient.role, context, lookup);
    if (address) addresses.add(address);
    else if (recipient.kind === 'symbolic') unresolved.push(recipient.role);
  }
  return { addresses: [...addresses], unresolved };
}

function addressOf(role: RecipientRole, context: RecordContext, lookup: RecipientLookup): string | undefined {
  const { person, contact, company } = context.records;
  const emails = person?.emails as { business?: string | null; private?: string | null } | undefined;
  const user = (id: string | null | undefined) => (id ? lookup.userEmail(id) : undefined);
  switch (role) {
    case 'participant':
      return context.records.participant ? (emails?.business ?? emails?.private ?? undefined) : undefined;
    case 'person-business':
      return emails?.business ?? undefined;
    case 'person-first':
      return emails?.business ?? emails?.private ?? undefined;
    case 'contact': {
      // The contact's own address for the role, else its person's business address when that is the
      // person in this context (a request's contact is its person; a participant's person is not).
      const own = contact?.email as string | null | undefined;
      const samePerson = contact !== undefined && person?.id === contact.personId;
      return own ?? (samePerson ? (emails?.business ?? undefined) : undefined);
    }
    case 'debtor':
      return (company?.email as string | null | undefined) ?? undefined;
    case 'course-contact':
      return user(courseContactUserId(context));
    case 'owner':
      return user(lookup.ownerUserId);
  }
}
