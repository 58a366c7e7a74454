import type { ChatDelivery } from '../../delivery/port.js';
import type { Action } from '../../domain/actions/index.js';
import type { ActionTemplate } from '../../domain/templates/index.js';
import { atTimeOfDay, localDateOf, shiftWorkingDays } from '../../domain/timing/index.js';
import { formatMoment, translate } from '../../i18n/messages.js';
import type { WorkflowDeps } from '../deps.js';

/** At most this many candidates per number of days and run; the next run takes the rest. */
const BATCH = 500;

interface EscalationRule {
  afterWorkingDays: number;
  channel: NonNullable<ActionTemplate['escalation']>['channel'];
}

type Calendar = Parameters<typeof shiftWorkingDays>[0];

function timeOfDay(moment: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(moment);
}

/** When an overdue action escalates: on the Nth working day after the day it was due, at the hour it was. */
export function escalationMoment(end: Date, afterWorkingDays: number, calendar: Calendar): Date {
  const zone = calendar.timeZone;
  const day = shiftWorkingDays(calendar, localDateOf(end, zone), afterWorkingDays, 'after');
  return atTimeOfDay(day, timeOfDay(end, zone), zone);
}

/**
 * How many working days an action is overdue at `now`, counted as escalationMoment counts them: the
 * rule's days when it escalates on time, more when it escalates later (a rule set on an action long
 * overdue, a service that was down). Stops counting after a few years.
 */
export function workingDaysOverdue(end: Date, now: Date, calendar: Calendar): number {
  const zone = calendar.timeZone;
  const time = timeOfDay(end, zone);
  let day = localDateOf(end, zone);
  let days = 0;
  while (days < 1_000) {
    const next = shiftWorkingDays(calendar, day, 1, 'after');
    if (atTimeOfDay(next, time, zone).getTime() > now.getTime()) break;
    day = next;
    days += 1;
  }
  return days;
}

/** A working day is at least a calendar day, less an hour where the clocks go forward; two for slack. */
const SLACK_MS = 2 * 3_600_000;

/**
 * Escalates overdue actions once (docs/digests.md): after N working days past their end (the template's
 * days, else the workspace's), to the template's escalation channel, else the workspace's, saying who owns
 * them. The message is queued before the mark is taken, so a run that dies in between leaves the action
 * to the next run; its dedupe key makes every queueing after the first (that run, a second instance) a
 * no-op, and the conditional mark counts each action once.
 */
export async function runEscalations(
  deps: WorkflowDeps,
  chat: ChatDelivery,
  options: { batchSize?: number } = {},
): Promise<number> {
  const now = deps.clock();
  const { calendar, locale, settings } = await deps.workspace.get();
  const workspace = settings.escalation ?? { afterWorkingDays: 3 };
  const rules = new Map<string, EscalationRule>();
  for (const template of await deps.stores.templates.list({ includeArchived: true })) {
    const channel = template.escalation?.channel ?? workspace.channel;
    if (!channel) continue;
    rules.set(template.id, {
      afterWorkingDays: template.escalation?.afterWorkingDays ?? workspace.afterWorkingDays,
      channel,
    });
  }
  if (rules.size === 0) return 0;
  // One query per number of days, each bounded by when its actions can first be due: in one shared query
  // a full batch of a slow template's actions, overdue but not due yet, would hold back the others for ever.
  const templatesByDays = new Map<number, string[]>();
  for (const [templateId, rule] of rules) {
    templatesByDays.set(rule.afterWorkingDays, [
      ...(templatesByDays.get(rule.afterWorkingDays) ?? []),
      templateId,
    ]);
  }
  const due: Action[] = [];
  for (const [days, templateIds] of templatesByDays) {
    const candidates = await deps.stores.actions.due.escalationCandidates(
      templateIds,
      new Date(now.getTime() - days * 86_400_000 + SLACK_MS),
      options.batchSize ?? BATCH,
    );
    due.push(
      ...candidates.filter(
        (action) => escalationMoment(action.end, days, calendar).getTime() <= now.getTime(),
      ),
    );
  }
  const owners = new Map(
    (
      await deps.stores.users.getMany(
        due.flatMap((action) => (action.ownerUserId ? [action.ownerUserId] : [])),
      )
    ).map((user) => [user.id, user.name]),
  );
  let escalated = 0;
  for (const action of due) {
    const rule = rules.get(action.templateId)!;
    const overdue = Math.max(rule.afterWorkingDays, workingDaysOverdue(action.end, now, calendar));
    const queued = await send(deps, chat, { action, rule, overdue, locale, owners }, calendar.timeZone);
    if ((await deps.stores.actions.due.markNotified(action.id, 'escalated', now)) && queued) escalated += 1;
  }
  return escalated;
}

async function send(
  deps: WorkflowDeps,
  chat: ChatDelivery,
  notice: {
    action: Action;
    rule: EscalationRule;
    /** Working days overdue now. */
    overdue: number;
    locale: 'nl' | 'en';
    owners: ReadonlyMap<string, string>;
  },
  timeZone: string,
): Promise<boolean> {
  const { action, rule, overdue, locale, owners } = notice;
  const owner = action.ownerUserId
    ? (owners.get(action.ownerUserId) ?? action.ownerUserId)
    : translate(locale, 'notify.nobody');
  const text = translate(locale, 'notify.escalation', {
    number: action.number,
    name: action.name,
    count: overdue,
    end: formatMoment(action.end, locale, timeZone),
    owner,
  });
  const result = await chat.send(
    { kind: 'channel', platform: rule.channel!.platform, channel: rule.channel!.channel },
    { purpose: 'escalation', text, actionId: action.id, dedupeKey: `escalation:${action.id}` },
  );
  if (!result.ok) deps.logger.warn({ actionId: action.id, reason: result.reason }, 'escalation not queued');
  return result.ok;
}
