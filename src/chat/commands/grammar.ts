import type { ActionState } from '../../domain/actions/index.js';
import { ACTION_STATES } from '../../domain/actions/index.js';
import type { ActionColour } from '../../domain/timing/index.js';

/**
 * The `/actie` (or `/action`) command language, in Dutch and English alike: every subcommand and keyword
 * has a word in both, so a Dutch planner and an English colleague type what comes naturally. Replies use
 * the user's own language, whichever words they typed.
 */
export type SnoozeSpec =
  | { by: { amount: number; unit: 'hours' | 'days' | 'working-days' | 'weeks' } }
  | { until: string };

export interface ListFilters {
  colour?: ActionColour;
  states?: ActionState[];
  owner?: string;
  template?: string;
}

export type ChatCommand =
  | { name: 'help' }
  | { name: 'mine'; filters: ListFilters }
  | { name: 'list'; filters: ListFilters }
  /** Without a record: open the new-action form (with the template chosen when one is named). */
  | { name: 'new-form'; template?: string }
  | { name: 'new'; template: string; recordId: string; owner?: string; start?: string; remarks?: string }
  /** `post`: show the card to everyone in the channel instead of only to the one who asked. */
  | { name: 'show'; ref: string; post?: true }
  | { name: 'done'; ref: string; note?: string }
  | { name: 'execute'; ref: string }
  | { name: 'preview'; ref: string }
  | { name: 'snooze'; ref: string; snooze: SnoozeSpec }
  | { name: 'assign'; ref: string; owner: string }
  | { name: 'cancel'; ref: string; reason?: string }
  | { name: 'digest'; mode: 'on'; schedule: string[]; options: DigestOptions }
  | { name: 'digest'; mode: 'off' | 'show'; options: DigestOptions }
  | { name: 'templates'; search?: string }
  | { name: 'template'; key: string };

type Name = Exclude<ChatCommand['name'], 'new-form'>;

/** The options of `/actie digest …`, as typed; their values are checked by the digest use cases. */
export interface DigestOptions {
  channel?: string;
  template?: string;
  group?: string;
  owner?: string;
  role?: string;
  courseType?: string;
  record?: string;
  empty?: 'skip' | 'say';
  timeZone?: string;
  audience?: string;
  top?: string;
}

const digestOptionKeys: Record<string, keyof DigestOptions> = {
  kanaal: 'channel',
  channel: 'channel',
  sjabloon: 'template',
  template: 'template',
  datagroep: 'group',
  group: 'group',
  eigenaar: 'owner',
  owner: 'owner',
  rol: 'role',
  role: 'role',
  opleidingssoort: 'courseType',
  'course-type': 'courseType',
  dossier: 'record',
  record: 'record',
  leeg: 'empty',
  empty: 'empty',
  tijdzone: 'timeZone',
  tz: 'timeZone',
  'time-zone': 'timeZone',
  zichtbaar: 'audience',
  voor: 'audience',
  audience: 'audience',
  aantal: 'top',
  top: 'top',
};

const emptyWords: Record<string, 'skip' | 'say'> = {
  overslaan: 'skip',
  skip: 'skip',
  zeggen: 'say',
  melden: 'say',
  say: 'say',
  tell: 'say',
};

const digestModes: Record<string, 'on' | 'off' | 'show'> = {
  aan: 'on',
  on: 'on',
  uit: 'off',
  off: 'off',
  toon: 'show',
  show: 'show',
};

/** What could not be read; `command` picks the usage line, shown in the user's language. */
export type ParseFailure =
  | { error: 'unknown-command'; word: string }
  | { error: 'missing-argument'; argument: string; command: Name }
  | { error: 'bad-argument'; argument: string; value: string; command: Name };

const aliases: Record<string, Name> = {
  help: 'help',
  hulp: 'help',
  '?': 'help',
  mine: 'mine',
  mijn: 'mine',
  list: 'list',
  lijst: 'list',
  new: 'new',
  nieuw: 'new',
  show: 'show',
  toon: 'show',
  done: 'done',
  klaar: 'done',
  gedaan: 'done',
  execute: 'execute',
  uitvoeren: 'execute',
  run: 'execute',
  preview: 'preview',
  voorbeeld: 'preview',
  snooze: 'snooze',
  uitstellen: 'snooze',
  assign: 'assign',
  toewijzen: 'assign',
  cancel: 'cancel',
  annuleren: 'cancel',
  annuleer: 'cancel',
  digest: 'digest',
  overzicht: 'digest',
  templates: 'templates',
  sjablonen: 'templates',
  template: 'template',
  sjabloon: 'template',
};

/** Usage lines per command; the first word is shown in the user's language by the help text. */
export const USAGE: Record<Name, { en: string; nl: string }> = {
  help: { en: '/actie help', nl: '/actie hulp' },
  mine: {
    en: '/actie mine [overdue|today|upcoming] [state:open]',
    nl: '/actie mijn [te-laat|vandaag|gepland] [status:open]',
  },
  list: {
    en: '/actie list [overdue|today|upcoming] [state:failed] [owner:me|none|email] [template:key]',
    nl: '/actie lijst [te-laat|vandaag|gepland] [status:mislukt] [eigenaar:ik|niemand|e-mail] [sjabloon:sleutel]',
  },
  new: {
    en: '/actie new [<template> <record-id> [owner:me|email] [start:2026-12-01] ["remarks"]] (without a record: a form)',
    nl: '/actie nieuw [<sjabloon> <dossier-id> [eigenaar:ik|e-mail] [start:2026-12-01] ["opmerking"]] (zonder dossier: een formulier)',
  },
  show: { en: '/actie show <number> [post]', nl: '/actie toon <nummer> [plaats]' },
  done: { en: '/actie done <number> [note]', nl: '/actie klaar <nummer> [notitie]' },
  execute: { en: '/actie execute <number>', nl: '/actie uitvoeren <nummer>' },
  preview: { en: '/actie preview <number>', nl: '/actie voorbeeld <nummer>' },
  snooze: {
    en: '/actie snooze <number> <2h|1d|3wd|1w|2026-12-01 [10:00]>',
    nl: '/actie uitstellen <nummer> <2u|1d|3wd|1w|2026-12-01 [10:00]>',
  },
  assign: {
    en: '/actie assign <number> <me|none|email>',
    nl: '/actie toewijzen <nummer> <ik|niemand|e-mail>',
  },
  cancel: { en: '/actie cancel <number> [reason]', nl: '/actie annuleren <nummer> [reden]' },
  digest: {
    en: '/actie digest on <weekdays 08:30|daily 9:00|mon,thu 9:00|"30 8 * * 1-5"> [empty:skip] [template:key] [group:course] [owner:email] [role:planning] [course-type:key] [record:id] [tz:Europe/Amsterdam] [audience:role] [top:10] [channel:name] · /actie digest off · /actie digest show',
    nl: '/actie digest aan <werkdagen 08:30|dagelijks 9:00|ma,do 9:00|"30 8 * * 1-5"> [leeg:overslaan] [sjabloon:sleutel] [datagroep:opleiding] [eigenaar:e-mail] [rol:planning] [opleidingssoort:sleutel] [dossier:id] [tijdzone:Europe/Amsterdam] [zichtbaar:rol] [aantal:10] [kanaal:naam] · /actie digest uit · /actie digest toon',
  },
  templates: { en: '/actie templates [search]', nl: '/actie sjablonen [zoekterm]' },
  template: { en: '/actie template <key>', nl: '/actie sjabloon <sleutel>' },
};

const colourWords: Record<string, ActionColour> = {
  overdue: 'overdue',
  late: 'overdue',
  'te-laat': 'overdue',
  telaat: 'overdue',
  today: 'today',
  vandaag: 'today',
  upcoming: 'future',
  future: 'future',
  gepland: 'future',
  toekomst: 'future',
};

const stateWords: Record<string, ActionState> = {
  ...Object.fromEntries(ACTION_STATES.map((state) => [state, state])),
  wachtend: 'waiting',
  gedaan: 'done',
  uitgevoerd: 'executed',
  mislukt: 'failed',
  afgewezen: 'rejected',
  geannuleerd: 'cancelled',
};

const meWords = new Set(['me', 'ik', 'mij']);
const postWords = new Set(['post', 'plaats', 'deel', 'share']);
const noneWords = new Set(['none', 'nobody', 'niemand', 'geen']);

/** Owner words normalised: 'me', 'none', or what was typed (an e-mail or user id, '@' stripped). */
export function ownerWord(word: string): string {
  const lower = word.toLowerCase().replace(/^@/, '');
  if (meWords.has(lower)) return 'me';
  if (noneWords.has(lower)) return 'none';
  return word.replace(/^@/, '');
}

/** Splits on spaces, keeping "quoted phrases" (straight or curly quotes) together. */
export function tokenize(input: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return tokens;
}

function keyValue(token: string): [string, string] | undefined {
  const index = token.indexOf(':');
  if (index <= 0 || index === token.length - 1) return undefined;
  return [token.slice(0, index).toLowerCase(), token.slice(index + 1)];
}

const durationPattern = /^(\d{1,4})(h|u|d|wd|w)$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseSnooze(tokens: readonly string[]): SnoozeSpec | undefined {
  const [first, second] = tokens;
  if (!first) return undefined;
  const duration = durationPattern.exec(first);
  if (duration && tokens.length === 1) {
    const unitWord = duration[2]!.toLowerCase();
    const unit =
      unitWord === 'h' || unitWord === 'u'
        ? 'hours'
        : unitWord === 'd'
          ? 'days'
          : unitWord === 'wd'
            ? 'working-days'
            : 'weeks';
    return { by: { amount: Number(duration[1]), unit } };
  }
  if (
    datePattern.test(first) &&
    (second === undefined || (timePattern.test(second) && tokens.length === 2))
  ) {
    return { until: second ? `${first}T${second}` : first };
  }
  return undefined;
}

function parseFilters(tokens: readonly string[], name: 'list' | 'mine'): ListFilters | ParseFailure {
  const filters: ListFilters = {};
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const colour = colourWords[lower];
    if (colour) {
      filters.colour = colour;
      continue;
    }
    const pair = keyValue(token);
    const bad = { error: 'bad-argument' as const, argument: 'filter', value: token, command: name };
    if (!pair) return bad;
    const [key, value] = pair;
    if (key === 'state' || key === 'status') {
      const states = value.split(',').map((word) => stateWords[word.toLowerCase()]);
      if (states.some((state) => state === undefined)) return { ...bad, argument: 'state' };
      filters.states = states as ActionState[];
    } else if ((key === 'owner' || key === 'eigenaar') && name === 'list') {
      filters.owner = ownerWord(value);
    } else if (key === 'template' || key === 'sjabloon') {
      filters.template = value;
    } else return bad;
  }
  return filters;
}

function refOf(tokens: readonly string[], name: Name): string | ParseFailure {
  const [ref] = tokens;
  if (!ref) return { error: 'missing-argument', argument: 'number', command: name };
  const cleaned = ref.replace(/^#/, '');
  if (!/^\d+$/.test(cleaned) && !/^act_[0-9a-f]+$/.test(cleaned)) {
    return { error: 'bad-argument', argument: 'number', value: ref, command: name };
  }
  return cleaned;
}

function isFailure(value: unknown): value is ParseFailure {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * Parses what follows the slash command. Empty input means help. The result is either a command or a
 * failure saying which argument is missing or unreadable, with the usage line to show.
 */
export function parseCommand(input: string): ChatCommand | ParseFailure {
  const tokens = tokenize(input.trim().replace(/^\/(actie|action)\b/i, ''));
  const [word, ...rest] = tokens;
  if (!word) return { name: 'help' };
  const name = aliases[word.toLowerCase()];
  if (!name) return { error: 'unknown-command', word };
  switch (name) {
    case 'help':
      return { name };
    case 'mine':
    case 'list': {
      const filters = parseFilters(rest, name);
      return isFailure(filters) ? filters : { name, filters };
    }
    case 'show': {
      const ref = refOf(rest, name);
      if (isFailure(ref)) return ref;
      const [, flag, ...extra] = rest;
      if (flag === undefined) return { name, ref };
      if (postWords.has(flag.toLowerCase()) && extra.length === 0) return { name, ref, post: true };
      return { error: 'bad-argument', argument: 'post', value: rest.slice(1).join(' '), command: name };
    }
    case 'execute':
    case 'preview': {
      const ref = refOf(rest, name);
      return isFailure(ref) ? ref : { name, ref };
    }
    case 'done':
    case 'cancel': {
      const ref = refOf(rest, name);
      if (isFailure(ref)) return ref;
      const text = rest.slice(1).join(' ').trim();
      return name === 'done'
        ? { name, ref, ...(text ? { note: text } : {}) }
        : { name, ref, ...(text ? { reason: text } : {}) };
    }
    case 'snooze': {
      const ref = refOf(rest, name);
      if (isFailure(ref)) return ref;
      if (rest.length < 2) return { error: 'missing-argument', argument: 'duration', command: 'snooze' };
      const snooze = parseSnooze(rest.slice(1));
      return snooze
        ? { name, ref, snooze }
        : { error: 'bad-argument', argument: 'duration', value: rest.slice(1).join(' '), command: 'snooze' };
    }
    case 'assign': {
      const ref = refOf(rest, name);
      if (isFailure(ref)) return ref;
      const owner = rest[1];
      if (!owner) return { error: 'missing-argument', argument: 'owner', command: 'assign' };
      return { name, ref, owner: ownerWord(owner) };
    }
    case 'new': {
      const [template, recordId, ...options] = rest;
      if (!template) return { name: 'new-form' };
      if (!recordId) return { name: 'new-form', template };
      const command: Extract<ChatCommand, { name: 'new' }> = { name, template, recordId };
      const remarks: string[] = [];
      for (const option of options) {
        const pair = keyValue(option);
        if (pair && (pair[0] === 'owner' || pair[0] === 'eigenaar')) command.owner = ownerWord(pair[1]);
        else if (pair && pair[0] === 'start' && datePattern.test(pair[1].slice(0, 10)))
          command.start = pair[1];
        else remarks.push(option);
      }
      if (remarks.length > 0) command.remarks = remarks.join(' ');
      return command;
    }
    case 'digest':
      return parseDigest(rest);
    case 'templates': {
      const search = rest.join(' ').trim();
      return search ? { name, search } : { name };
    }
    case 'template': {
      const [key] = rest;
      return key ? { name, key } : { error: 'missing-argument', argument: 'key', command: 'template' };
    }
  }
}

function parseDigest(tokens: readonly string[]): ChatCommand | ParseFailure {
  const [modeWord, ...rest] = tokens;
  const mode = modeWord ? digestModes[modeWord.toLowerCase()] : 'show';
  if (!mode)
    return { error: 'bad-argument', argument: 'digest-mode', value: modeWord ?? '', command: 'digest' };
  const options: DigestOptions = {};
  const schedule: string[] = [];
  for (const token of rest) {
    const pair = keyValue(token);
    const key = pair ? digestOptionKeys[pair[0]] : undefined;
    if (!pair || !key) {
      // Schedule words: days, a time (08:30) and a quoted cron expression; options are key:value.
      if (mode === 'on' && (!token.includes(':') || /^\d{1,2}[:.]\d{2}$/.test(token))) {
        schedule.push(token);
        continue;
      }
      return { error: 'bad-argument', argument: 'filter', value: token, command: 'digest' };
    }
    const [, value] = pair;
    if (key === 'empty') {
      const empty = emptyWords[value.toLowerCase()];
      if (!empty) return { error: 'bad-argument', argument: 'empty', value, command: 'digest' };
      options.empty = empty;
    } else if (key === 'owner') {
      options.owner = ownerWord(value);
    } else {
      options[key] = value;
    }
  }
  if (mode === 'on') {
    if (schedule.length === 0) return { error: 'missing-argument', argument: 'schedule', command: 'digest' };
    return { name: 'digest', mode, schedule, options };
  }
  return { name: 'digest', mode, options };
}

export function isParseFailure(value: ChatCommand | ParseFailure): value is ParseFailure {
  return isFailure(value);
}
