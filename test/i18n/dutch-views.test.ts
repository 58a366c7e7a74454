import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHtmlRenderer } from '../../adapters/console/render/renderer.js';
import { renderBlocks } from '../../adapters/slack/render/messages.js';
import { previewModal } from '../../adapters/slack/render/modals.js';
import { renderTeamsCard } from '../../adapters/teams/render/index.js';
import { type ChatContext, handleButton, handleCommand } from '../../src/chat/handle.js';
import { homeViews } from '../../src/chat/home.js';
import type { ChatView } from '../../src/chat/model.js';
import { actionCards } from '../../src/chat/views/action-card.js';
import { actionDetails } from '../../src/chat/views/details.js';
import { digestView } from '../../src/chat/views/digest.js';
import { errorView } from '../../src/chat/views/errors.js';
import { previewView } from '../../src/chat/views/preview.js';
import { type Action, HISTORY_KINDS, type HistoryEntry } from '../../src/domain/actions/index.js';
import type { DigestSubscription } from '../../src/domain/digests/subscription.js';
import { DomainError } from '../../src/domain/errors.js';
import type { User } from '../../src/domain/rights/user.js';
import {
  CODED_PARTS,
  type Coded,
  codedText,
  ERROR_TEXTS,
  type TextParam,
} from '../../src/i18n/coded/index.js';
import {
  groupWord,
  pathWords,
  platformName,
  recipientWords,
  stateWord,
  valueWords,
} from '../../src/i18n/labels.js';
import { type MessageKey, NOTICE_TEXTS, translate } from '../../src/i18n/messages.js';
import type { ProcessPreview } from '../../src/workflow/processes/index.js';
import { executionPorts } from '../execution/support.js';
import { onlyAction } from '../workflow/support/actions.js';
import { seedCourse, seedCourseType } from '../workflow/support/records.js';
import { AROUND_EVENT, seedTemplate } from '../workflow/support/templates.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { giveaways } from './giveaways.js';

const html = createHtmlRenderer({ locale: 'nl', basePath: '/console', csrfToken: 'csrf-token-123456789' });

/** The words a person reads in the console: the markup's text, not its attributes. */
function consoleText(views: readonly ChatView[]): string {
  return views
    .map((view) => html.render(view))
    .join('\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Every string under the keys Slack and Teams show to people; payloads and ids stay out. */
function shownStrings(value: unknown, keys: ReadonlySet<string>, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) shownStrings(item, keys, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && keys.has(key)) into.push(inner);
      else if (key !== 'data' && key !== 'value') shownStrings(inner, keys, into);
    }
  }
  return into;
}

const SLACK_KEYS = new Set(['text']);
const TEAMS_KEYS = new Set(['text', 'title', 'label', 'placeholder', 'fallbackText', 'altText']);

/** What a Dutch user would read of `views` on each surface, as one text per surface. */
function everySurface(views: readonly ChatView[]): Record<string, string> {
  return {
    console: consoleText(views),
    slack: shownStrings(renderBlocks(views, 'nl', 50), SLACK_KEYS)
      .join('\n')
      // Slack's markup: *bold*, _italic_, <url|label>, :emoji:.
      .replace(/:[a-z_]+:/g, ''),
    teams: shownStrings(renderTeamsCard(views, { locale: 'nl' }), TEAMS_KEYS).join('\n'),
  };
}

function englishIn(name: string, views: readonly ChatView[]): string[] {
  return Object.entries(everySurface(views)).flatMap(([surface, text]) =>
    giveaways(text).map((found) => `${name} (${surface}): ${found}`),
  );
}

/** A value for every placeholder name the coded texts use, in the shape the code's callers give. */
const SAMPLES: Readonly<Record<string, TextParam>> = {
  number: 1042,
  count: 3,
  id: 'C-12',
  key: 'presentielijst',
  state: stateWord('executed'),
  group: groupWord('course'),
  kind: groupWord('company'),
  recordGroup: groupWord('participant'),
  templateGroup: groupWord('course'),
  expectedGroup: groupWord('person'),
  field: pathWords('course.startDate'),
  conditionField: pathWords('course.full'),
  anchor: pathWords('course.startDate'),
  from: valueWords('course', 'status', 'to-start'),
  to: valueWords('course', 'status', 'definitive'),
  status: valueWords('request', 'status', 'open'),
  stage: valueWords('request', 'stage', 'quote'),
  valid: ['ja', 'nee'],
  unknown: ['[Opleiding:Kleur]'],
  problem: { en: 'must be a number', nl: 'moet een getal zijn' },
  reasons: { en: 'Full is no, expected yes', nl: 'Vol is nee, verwacht ja' },
  fields: 'Begindatum',
  email: 'planning@acme.test',
  sender: 'planning@acme.test',
  address: 'planning@acme.test',
  platform: platformName('slack'),
  channel: 'planning',
  holder: 'Anna Berg',
  owner: 'Planner',
  asAction: { en: ' as action 1042', nl: ' als actie 1042' },
  role: 'planning',
  url: 'https://crm.acme.test/hooks/stempel',
  secretRef: 'CRM',
  unresolved: recipientWords(['participant', 'debtor']),
  externalId: 'ext-1',
  value: 'straks',
  what: { en: 'snoozed', nl: 'uitgesteld' },
  category: 'ehbo-verlopen',
  invoice: 'inv-1042',
  name: 'Presentielijst BHV',
  end: '16 nov 2026 09:00',
  list: '1042 "Presentielijst BHV"',
  reason: 'De mailserver nam het bericht niet aan.',
};

function samplesFor(text: { en: unknown; nl: unknown }): Record<string, TextParam> {
  const names = [...JSON.stringify(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  return Object.fromEntries(
    names.map((name) => {
      const sample = SAMPLES[name];
      if (sample === undefined) throw new Error(`no sample value for the placeholder {${name}}`);
      return [name, sample];
    }),
  );
}

let ws: TestWorkspace;
let planner: User;
let action: Action;

beforeAll(async () => {
  ws = await openWorkspace('i18n-dutch');
  planner = { ...ws.users.planner, locale: 'nl' };
  const courseTypeId = (await seedCourseType(ws, 'bhv')).id;
  const template = await seedTemplate(
    ws,
    {
      key: 'publiceren',
      name: 'Publiceer [Opleiding:Naam] op het portaal',
      execution: 'semi-automatic',
      process: { type: 'set-field', field: 'portalPublished', value: true },
      ownerRule: { kind: 'user', userId: planner.id },
      timing: AROUND_EVENT,
      courseTypeIds: [courseTypeId],
    },
    ws.users.automator,
  );
  const course = await seedCourse(ws, courseTypeId, { name: 'BHV herhaling' });
  action = await onlyAction(ws, template.id, course.record.id);
});
afterAll(() => ws?.close());

function chat(user: User = planner): ChatContext {
  return { deps: ws.deps, execution: executionPorts(), actor: user };
}

function viewContext() {
  return { stores: ws.stores, actor: planner, now: ws.clock.read(), timeZone: 'Europe/Amsterdam' };
}

describe('a Dutch user sees no English', () => {
  it('finds English when there is some (the check can fail)', () => {
    expect(
      englishIn('probe', [{ kind: 'text', lines: ['Action 12 failed: e-mail sent to the participant'] }]),
    ).not.toEqual([]);
    expect(englishIn('probe', [{ kind: 'text', lines: ['Zet portalPublished: ja'] }])).not.toEqual([]);
    expect(englishIn('probe', [{ kind: 'text', lines: ['Actie 12 is gedaan.'] }])).toEqual([]);
  });

  it('in the answers of every command', async () => {
    const commands = [
      '/actie hulp',
      '/actie mijn',
      '/actie lijst',
      '/actie lijst te-laat',
      `/actie toon ${action.number}`,
      `/actie voorbeeld ${action.number}`,
      '/actie sjablonen',
      '/actie sjabloon publiceren',
      '/actie nieuw',
      '/actie onzin',
      '/actie uitstellen 3 straks',
      '/actie toewijzen 3 niemand@nergens.test',
      '/actie klaar 999999',
      '/actie digest toon',
    ];
    const found: string[] = [];
    for (const command of commands) found.push(...englishIn(command, await handleCommand(chat(), command)));
    expect(found).toEqual([]);
  });

  it('in cards, forms and details after every button', async () => {
    const found: string[] = [];
    for (const verb of ['details', 'snooze-pick', 'assign-pick', 'execute', 'decline-execute']) {
      found.push(...englishIn(verb, await handleButton(chat(), `${verb}:${action.id}`)));
    }
    const executed = await handleButton(chat(), `confirm-execute:${action.id}`);
    found.push(...englishIn('confirm-execute', executed));
    found.push(...englishIn('done on an executed action', await handleButton(chat(), `done:${action.id}`)));
    found.push(...englishIn('home', (await homeViews(ws.deps, planner)).views));
    expect(found).toEqual([]);
  });

  it('in the history of every kind, with the reasons recorded for it', async () => {
    const coded: Partial<Record<HistoryEntry['kind'], Coded>> = {
      executed: {
        code: 'set-field.changed',
        params: { field: pathWords('course.portalPublished'), to: { en: 'yes', nl: 'ja' } },
      },
      'execution-failed': { code: 'email.smtp-error' },
      rejected: { code: 'email.no-recipient', params: { unresolved: recipientWords(['participant']) } },
      hidden: { code: 'conditions-not-met', params: { reasons: { en: 'Full is no', nl: 'Vol is nee' } } },
      'retry-scheduled': { code: 'webhook.http-error', params: { status: 503 } },
    };
    const codes: Partial<Record<HistoryEntry['kind'], string[]>> = {
      stamped: ['start-in-past', 'window-adjusted'],
      cancelled: ['cancelled-by-user'],
      expired: ['conditions-never-held'],
      'dates-edited': ['snoozed'],
      'process-updated': ['template-process'],
    };
    const history: HistoryEntry[] = HISTORY_KINDS.map((kind, index) => ({
      at: new Date(Date.UTC(2026, 10, 1 + index, 9)),
      actorUserId: index % 2 === 0 ? 'system' : planner.id,
      kind,
      ...(codes[kind] ? { codes: codes[kind] } : {}),
      ...(coded[kind] ? { coded: coded[kind], note: 'SMTP 550 mailbox unavailable' } : {}),
      ...(kind === 'rescheduled' ? { codes: ['anchor-moved'], note: 'course.startDate' } : {}),
    }));
    const states = ['waiting', 'open', 'done', 'executed', 'failed', 'rejected', 'cancelled'] as const;
    const found: string[] = [];
    for (const state of states) {
      const shown: Action = {
        ...action,
        state,
        history,
        stateReason: 'The mail server said 550',
        stateReasonCoded: { code: 'email.smtp-error' },
      };
      found.push(...englishIn(`details (${state})`, [await actionDetails(viewContext(), shown)]));
    }
    const legacy: Action = { ...action, state: 'waiting', stateReason: 'conditions-not-met' };
    found.push(...englishIn('a waiting card', await actionCards(viewContext(), [legacy])));
    expect(found).toEqual([]);
  });

  it('in the preview of every process type', () => {
    const record = { group: 'course' as const, id: action.record.id };
    const previews: ProcessPreview[] = [
      {
        type: 'email',
        from: 'planning@acme.test',
        to: ['anna@acme.test'],
        cc: ['jan@acme.test'],
        bcc: [],
        subject: 'Uitnodiging BHV herhaling',
        body: 'Beste Anna, tot maandag.',
      },
      { type: 'set-status', record, field: 'status', from: 'to-start', to: 'definitive', changes: true },
      { type: 'set-field', record, field: 'portalPublished', from: false, to: true, changes: true },
      { type: 'set-field', record, field: 'maxParticipants', from: 12, to: 12, changes: false },
      { type: 'person-category', personId: 'p-1', category: 'ehbo-verlopen', mode: 'remove', changes: true },
      {
        type: 'create-invoice',
        requestId: 'r-1',
        invoiceId: 'inv-1',
        amount: 1250,
        dueDate: new Date('2026-12-01T08:00:00Z'),
        exists: false,
      },
      { type: 'webhook', url: 'https://crm.acme.test/hook', signed: true, body: { nummer: 1042 } },
      {
        type: 'chat-message',
        target: { kind: 'channel', platform: 'slack', channel: 'planning' },
        text: 'Hallo',
      },
      { type: 'chat-message', target: { kind: 'user', userId: planner.id, name: 'Planner' }, text: 'Hallo' },
      {
        type: 'stamp',
        templates: [
          { key: 'presentielijst', name: 'Presentielijst BHV', start: new Date(), end: new Date() },
          { key: 'certificaat', skipped: 'conditions-not-met' },
          { key: 'oud', skipped: 'template-missing' },
        ],
      },
    ];
    const base = { actionId: action.id, number: action.number, processFromTemplate: true };
    const found = previews.flatMap((preview) =>
      englishIn(`preview ${preview.type}`, [
        previewView({ ...base, conditions: { holds: true, reasons: [] }, preview }, 'nl', 'Europe/Amsterdam'),
      ]),
    );
    const refused = previewView(
      {
        ...base,
        conditions: { holds: true, reasons: [] },
        rejection: { code: 'email.smtp-not-configured', message: 'No SMTP server is configured' },
      },
      'nl',
      'Europe/Amsterdam',
    );
    found.push(...englishIn('a refused preview', [refused]));
    const modal = previewModal(
      previewView({ ...base, conditions: { holds: true, reasons: [] }, preview: previews[1]! }, 'nl', 'UTC'),
      'nl',
      { channel: 'C1' },
    );
    found.push(
      ...giveaways(shownStrings(modal, SLACK_KEYS).join('\n')).map((text) => `Slack preview modal: ${text}`),
    );
    expect(modal.close?.text).toBe('Nee');
    expect(found).toEqual([]);
  });

  it('in errors of every code', () => {
    const found = Object.entries(ERROR_TEXTS).flatMap(([code, text]) => {
      const error = new DomainError({
        category: 'invalid-input',
        code: code as keyof typeof ERROR_TEXTS,
        message: 'English for the log and the API',
        params: samplesFor(text),
      });
      return englishIn(`error ${code}`, [errorView(error, 'nl')]);
    });
    found.push(
      ...englishIn('an internal error', [errorView(new Error('TypeError: x is not a function'), 'nl')]),
    );
    expect(found).toEqual([]);
  });

  it('in what executions did and why actions are in their state', () => {
    const found = [CODED_PARTS.RESULT_TEXTS, CODED_PARTS.REASON_TEXTS].flatMap((part) =>
      Object.entries(part).flatMap(([code, text]) =>
        englishIn(`result ${code}`, [
          { kind: 'text', lines: [codedText({ code, params: samplesFor(text) }, 'nl') ?? code] },
        ]),
      ),
    );
    expect(found).toEqual([]);
  });

  it('in every notice', () => {
    const found = Object.entries(NOTICE_TEXTS).flatMap(([key, text]) => {
      // Notices are filled by the workflow: names, moments and an already translated reason.
      const params = samplesFor(text) as Record<string, string | number>;
      return englishIn(`notice ${key}`, [
        { kind: 'text', lines: [translate('nl', key as MessageKey, params)] },
      ]);
    });
    expect(found).toEqual([]);
  });

  it('in a channel digest', async () => {
    const subscription: DigestSubscription = {
      id: 'dig-1',
      addressKey: 'console:planning',
      addressLabel: '#planning',
      setBy: planner.id,
      createdAt: new Date(),
      updatedAt: new Date(),
      target: { platform: 'console', channel: 'planning' },
      schedule: { cron: '30 8 * * 1-5', timeZone: 'Europe/Amsterdam', workingDaysOnly: true },
      scope: { courseTypeIds: [], dataGroups: [], templateIds: [], ownerUserIds: [] },
      whenEmpty: 'say',
      audienceRole: 'planning',
      top: 10,
      locale: 'nl',
    };
    const late: Action = { ...action, state: 'open' };
    const { view } = await digestView(ws.deps, subscription, {
      overdue: { total: 14, exact: true },
      today: { total: 2, exact: true },
      week: { total: 30, exact: false },
      owners: [
        { ownerUserId: planner.id, count: 1 },
        { ownerUserId: null, count: 13 },
      ],
      ownersExact: true,
      top: [late],
    });
    expect(englishIn('digest', [view])).toEqual([]);
  });
});
