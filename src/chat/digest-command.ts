import { nextRuns, parseScheduleWords } from '../domain/digests/schedule.js';
import type { DigestRequestInput, DigestSubscription, DigestTarget } from '../domain/digests/subscription.js';
import { DATA_GROUPS, DataGroupSchema } from '../domain/dossiers/kinds.js';
import { DomainError } from '../domain/errors.js';
import { codedText, type ErrorCode } from '../i18n/coded/index.js';
import { groupLabel } from '../i18n/labels.js';
import { formatMoment } from '../i18n/messages.js';
import { digestContent } from '../workflow/digests/content.js';
import {
  type DigestPorts,
  digestOf,
  subscribeDigest,
  unsubscribeDigest,
} from '../workflow/digests/subscriptions.js';
import { getTemplate } from '../workflow/templates/save.js';
import type { DigestOptions } from './commands/grammar.js';
import type { ChatContext } from './context.js';
import type { ChatView } from './model.js';
import { say } from './texts.js';
import { digestView } from './views/digest.js';

/** The message is English for the log; the person reads the code's text in their language. */
function invalid(field: string, code: ErrorCode, params: Record<string, string> = {}) {
  return new DomainError({
    category: 'invalid-input',
    code,
    field,
    message: codedText({ code, params }, 'en') ?? code,
    params,
  });
}

/**
 * The channel the command is about: named with `kanaal:`, else the one it was typed in. In Slack or Teams
 * only administrators may name another channel than the one they are in: its members, not the asker,
 * are the digest's readers (console channels are read by everyone in the console anyway).
 */
function targetOf(context: ChatContext, options: DigestOptions): DigestTarget {
  const origin = context.origin;
  if (!options.channel) {
    if (origin) return origin;
    throw invalid('channel', 'digest.needs-channel');
  }
  const here =
    origin && (options.channel === origin.channel || origin.channel.endsWith(`/${options.channel}`));
  if (origin && !here && !context.actor.admin) {
    throw new DomainError({
      category: 'forbidden',
      code: 'digest.other-channel',
      field: 'channel',
      message: codedText({ code: 'digest.other-channel' }, 'en') ?? 'digest.other-channel',
    });
  }
  return { platform: origin?.platform ?? 'console', channel: options.channel };
}

function ports(context: ChatContext): DigestPorts {
  const digests = context.execution.digests;
  if (!digests)
    throw new DomainError({
      category: 'upstream',
      code: 'digest.unavailable',
      message: 'Digests are not available here',
    });
  return digests;
}

async function courseTypeIdOf(context: ChatContext, key: string): Promise<string> {
  const found = await context.deps.stores.dossiers.list({
    group: 'course-type',
    where: { key },
    limit: 1,
    skip: 0,
  });
  const record = found.items[0];
  if (!record) throw invalid('courseType', 'digest.unknown-course-type', { key });
  return record.id;
}

async function ownerIdOf(context: ChatContext, word: string): Promise<string> {
  if (word === 'me') return context.actor.id;
  const user = word.includes('@')
    ? await context.deps.stores.users.findByEmail(word)
    : await context.deps.stores.users.get(word);
  if (!user) throw invalid('owner', 'user.not-found', { id: word });
  return user.id;
}

/** A data group as typed: its id (`course`) or its name in either language (`opleiding`, `web request`). */
function dataGroupWord(word: string): string {
  const typed = word.toLowerCase().replace(/[\s_]+/g, '-');
  const named = DATA_GROUPS.find((group) =>
    (['en', 'nl'] as const).some(
      (locale) => groupLabel(group, locale).toLowerCase().replace(/\s+/g, '-') === typed,
    ),
  );
  return named ?? typed;
}

/** `/actie digest aan …` read into a subscription request, every word checked with a clear refusal. */
async function requestOf(
  context: ChatContext,
  schedule: readonly string[],
  options: DigestOptions,
): Promise<DigestRequestInput> {
  const parsed = parseScheduleWords(schedule);
  if (!parsed.ok) throw invalid('schedule', `digest.bad-${parsed.reason}`, { value: schedule.join(' ') });
  const { calendar } = await context.deps.workspace.get();
  const timeZone = options.timeZone ?? calendar.timeZone;
  const group = options.group ? DataGroupSchema.safeParse(dataGroupWord(options.group)) : undefined;
  if (group && !group.success) throw invalid('group', 'digest.bad-group', { value: options.group ?? '' });
  const top = options.top === undefined ? undefined : Number(options.top);
  return {
    target: targetOf(context, options),
    schedule: {
      cron: parsed.cron,
      timeZone,
      workingDaysOnly: parsed.workingDaysOnly,
      label: schedule.join(' '),
    },
    scope: {
      courseTypeIds: options.courseType ? [await courseTypeIdOf(context, options.courseType)] : [],
      dataGroups: group?.success ? [group.data] : [],
      templateIds: options.template ? [(await getTemplate(context.deps, options.template)).id] : [],
      ownerUserIds: options.owner ? [await ownerIdOf(context, options.owner)] : [],
      ...(options.role ? { ownerRole: options.role } : {}),
      ...(options.record ? { recordId: options.record } : {}),
    },
    whenEmpty: options.empty ?? 'say',
    // Whoever switches a channel's digest on in Dutch gets a Dutch digest: they know the channel's readers.
    locale: context.actor.locale,
    ...(options.audience ? { audienceRole: options.audience } : {}),
    ...(top === undefined ? {} : { top }),
  };
}

async function settingsLines(context: ChatContext, subscription: DigestSubscription): Promise<string[]> {
  const locale = context.actor.locale;
  const [next] = nextRuns(subscription.schedule, context.deps.clock(), 1);
  const when = subscription.schedule.label ?? subscription.schedule.cron;
  return [
    say(locale, 'digest.settings', {
      channel: subscription.addressLabel,
      when,
      zone: subscription.schedule.timeZone,
      next: next ? formatMoment(next, locale, subscription.schedule.timeZone) : '—',
    }),
    say(locale, subscription.whenEmpty === 'skip' ? 'digest.empty-skip' : 'digest.empty-say'),
  ];
}

async function preview(context: ChatContext, subscription: DigestSubscription): Promise<ChatView> {
  const content = await digestContent(context.deps, subscription, context.deps.clock());
  return (await digestView(context.deps, subscription, content)).view;
}

/** `/actie digest aan|uit|toon`: subscribe a channel, stop its digest, or show its settings and a preview. */
export async function digestCommand(
  context: ChatContext,
  command:
    | { mode: 'on'; schedule: string[]; options: DigestOptions }
    | { mode: 'off' | 'show'; options: DigestOptions },
): Promise<ChatView[]> {
  const locale = context.actor.locale;
  const digestPorts = ports(context);
  switch (command.mode) {
    case 'on': {
      const request = await requestOf(context, command.schedule, command.options);
      const subscription = await subscribeDigest(context.deps, digestPorts, context.actor, request);
      return [
        { kind: 'text', title: say(locale, 'digest.on'), lines: await settingsLines(context, subscription) },
        await preview(context, subscription),
      ];
    }
    case 'off': {
      const subscription = await unsubscribeDigest(
        context.deps,
        digestPorts,
        context.actor,
        targetOf(context, command.options),
      );
      return [{ kind: 'text', lines: [say(locale, 'digest.off', { channel: subscription.addressLabel })] }];
    }
    case 'show': {
      const subscription = await digestOf(context.deps, digestPorts, targetOf(context, command.options));
      if (!subscription) return [{ kind: 'text', lines: [say(locale, 'digest.none')] }];
      return [
        {
          kind: 'text',
          title: say(locale, 'digest.current'),
          lines: await settingsLines(context, subscription),
        },
        await preview(context, subscription),
      ];
    }
  }
}
