import { randomBytes } from 'node:crypto';
import type { Address } from '../../delivery/platform.js';
import type { DeliveryResult } from '../../delivery/port.js';
import {
  type DigestRequest,
  DigestRequestSchema,
  type DigestSubscription,
  type DigestTarget,
} from '../../domain/digests/subscription.js';
import { DomainError, fromZodError } from '../../domain/errors.js';
import type { User } from '../../domain/rights/user.js';
import { platformName } from '../../i18n/labels.js';
import type { DeliveryContent, DeliveryViewer } from '../../store/deliveries.js';
import { requireAdmin } from '../admin/authorize.js';
import type { WorkflowDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';

/** What the digest use cases need from outside: addresses, the job per subscription, the outbox. */
export interface DigestPorts {
  /** The conversation of a target; undefined when its platform is not configured or knows no such channel. */
  channelAddress(target: DigestTarget): Promise<Address | undefined>;
  jobs: {
    schedule(subscription: DigestSubscription): Promise<void>;
    cancel(subscriptionId: string): Promise<void>;
  };
  post(
    address: Address,
    viewer: DeliveryViewer,
    content: DeliveryContent,
    purpose: string,
    dedupeKey: string,
  ): Promise<DeliveryResult>;
}

async function addressOf(ports: DigestPorts, target: DigestTarget): Promise<Address> {
  const address = await ports.channelAddress(target);
  if (!address) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'digest.unknown-channel',
      field: 'target.channel',
      message: `${target.platform} has no channel "${target.channel}" (or ${target.platform} is not configured)`,
      params: { platform: platformName(target.platform), channel: target.channel },
    });
  }
  return address;
}

/** Every id the scope names must exist: a digest filtered on a mistyped id would report nothing, silently. */
async function checkScope(deps: WorkflowDeps, scope: DigestRequest['scope']): Promise<void> {
  const firstMissing = (ids: readonly string[], found: readonly { id: string }[]) => {
    const known = new Set(found.map((item) => item.id));
    return ids.find((id) => !known.has(id));
  };
  const [templates, records, owners] = await Promise.all([
    deps.stores.templates.getMany(scope.templateIds),
    deps.stores.dossiers.getMany([...scope.courseTypeIds, ...(scope.recordId ? [scope.recordId] : [])]),
    deps.stores.users.getMany(scope.ownerUserIds),
  ]);
  const template = firstMissing(scope.templateIds, templates);
  if (template) throw notFound('template', template, 'scope.templateIds');
  const courseTypes = records.filter((record) => record.group === 'course-type');
  const courseType = firstMissing(scope.courseTypeIds, courseTypes);
  if (courseType) throw notFound('course-type', courseType, 'scope.courseTypeIds');
  if (scope.recordId && firstMissing([scope.recordId], records))
    throw notFound('dossier', scope.recordId, 'scope.recordId');
  const owner = firstMissing(scope.ownerUserIds, owners);
  if (owner) throw notFound('user', owner, 'scope.ownerUserIds');
}

/**
 * Subscribes a channel to a digest, or changes its subscription (one per channel). Anyone active may set
 * one up for a channel they are in; showing what a role may read instead of what everyone may read needs
 * someone who holds that role.
 */
export async function subscribeDigest(
  deps: WorkflowDeps,
  ports: DigestPorts,
  actor: User,
  input: unknown,
): Promise<DigestSubscription> {
  if (!actor.active) throw forbidden('digest.forbidden', 'Only active users may set up digests');
  const parsed = DigestRequestSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, 'digest.invalid');
  const request = parsed.data;
  if (request.audienceRole && !actor.admin && !actor.roles.includes(request.audienceRole)) {
    throw new DomainError({
      category: 'forbidden',
      code: 'digest.audience-not-held',
      field: 'audienceRole',
      message: `Only someone with role ${request.audienceRole} may show what that role may see`,
      params: { role: request.audienceRole },
    });
  }
  await checkScope(deps, request.scope);
  const address = await addressOf(ports, request.target);
  const now = deps.clock();
  const subscription = await deps.stores.digests.upsert({
    ...request,
    id: `dig_${randomBytes(6).toString('hex')}`,
    addressKey: address.key,
    addressLabel: address.label,
    setBy: actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ports.jobs.schedule(subscription);
  await deps.stores.audit.write({
    at: now,
    actor: actor.id,
    kind: 'digest.subscribed',
    entity: { type: 'digest', id: subscription.id },
    after: { target: request.target, schedule: request.schedule, scope: request.scope },
  });
  return subscription;
}

export async function digestOf(deps: WorkflowDeps, ports: DigestPorts, target: DigestTarget) {
  return deps.stores.digests.byAddress((await addressOf(ports, target)).key);
}

export async function unsubscribeDigest(
  deps: WorkflowDeps,
  ports: DigestPorts,
  actor: User,
  target: DigestTarget,
): Promise<DigestSubscription> {
  if (!actor.active) throw forbidden('digest.forbidden', 'Only active users may change digests');
  const subscription = await digestOf(deps, ports, target);
  if (!subscription) throw notFound('digest', target.channel, 'target.channel');
  return removeDigest(deps, ports, actor, subscription);
}

async function removeDigest(
  deps: WorkflowDeps,
  ports: DigestPorts,
  actor: User,
  subscription: DigestSubscription,
) {
  await ports.jobs.cancel(subscription.id);
  await deps.stores.digests.delete(subscription.id);
  await deps.stores.audit.write({
    at: deps.clock(),
    actor: actor.id,
    kind: 'digest.unsubscribed',
    entity: { type: 'digest', id: subscription.id },
    before: { addressKey: subscription.addressKey },
  });
  return subscription;
}

/** Administrators: every subscription with its last run. */
export async function listDigests(deps: WorkflowDeps, actor: User): Promise<DigestSubscription[]> {
  requireAdmin(actor, 'see digests');
  return deps.stores.digests.list();
}

export async function deleteDigest(deps: WorkflowDeps, ports: DigestPorts, actor: User, id: string) {
  requireAdmin(actor, 'remove digests');
  const subscription = await deps.stores.digests.get(id);
  if (!subscription) throw notFound('digest', id);
  return removeDigest(deps, ports, actor, subscription);
}
