import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TEXTS } from '../../adapters/console/texts.js';
import { TEAMS_TEXTS } from '../../adapters/teams/texts.js';
import { USAGE } from '../../src/chat/commands/grammar.js';
import { CHAT_TEXTS } from '../../src/chat/texts.js';
import { CATALOGUE } from '../../src/domain/dossiers/catalogue.js';
import { RECORD_KINDS } from '../../src/domain/dossiers/kinds.js';
import { STATUS_MACHINES } from '../../src/domain/dossiers/status.js';
import { CODED_PARTS, ERROR_TEXTS, hasCodedText } from '../../src/i18n/coded/index.js';
import type { CatalogueText } from '../../src/i18n/fill.js';
import {
  ACTION_STATE_WORDS,
  COMMON_FIELDS,
  FIELD_LABELS,
  GROUP_LABELS,
  OTHER_GROUP_WORDS,
  PLANNING_LABELS,
  PLATFORM_NAMES,
  RECIPIENT_WORDS,
  VALUE_LABELS,
} from '../../src/i18n/label-tables.js';
import { NOTICE_TEXTS } from '../../src/i18n/messages.js';

type Catalogue = Readonly<Record<string, Readonly<Record<'en' | 'nl', CatalogueText>>>>;

/**
 * Words and phrases that are the same in Dutch and English, on purpose. Anything else that reads the same
 * in both is a text someone forgot to translate.
 */
const SAME_IN_BOTH = new Set([
  'Status',
  'Details',
  'Open',
  'open',
  'Stempel',
  'Chat',
  'Platform',
  'Filters',
  'Code',
  'Id',
  'Cc',
  'Start',
  'Slack',
  'Teams',
  '1 week',
  'Timing',
  'Key',
  'Postcode',
  'in #{channel}',
]);

/** Texts made only of placeholders and punctuation ("{field}: {problem}") have nothing to translate. */
const onlyPlaceholders = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[\s:;,.·→()…-]/g, '') === '';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function formsOf(text: CatalogueText): string[] {
  return typeof text === 'string' ? [text] : [text.one, text.other];
}

function check(name: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    const where = `${name} ${key}`;
    if (!entry.en || !entry.nl) {
      problems.push(`${where}: missing a language`);
      continue;
    }
    const en = formsOf(entry.en);
    const nl = formsOf(entry.nl);
    if (en.length !== nl.length) problems.push(`${where}: plural in one language only`);
    for (const text of [...en, ...nl]) if (text.trim() === '') problems.push(`${where}: empty text`);
    // The 'one' form may say "1" instead of {count}; every other placeholder must be in both languages.
    const names = (forms: string[]) =>
      [...new Set(forms.flatMap(placeholders))].filter((placeholder) => placeholder !== 'count').sort();
    if (names(en).join() !== names(nl).join()) {
      problems.push(`${where}: placeholders differ (${names(en)} / ${names(nl)})`);
    }
    en.forEach((text, index) => {
      const dutch = nl[index]!;
      if (text === dutch && !onlyPlaceholders(text) && !SAME_IN_BOTH.has(text)) {
        problems.push(`${where}: "${text}" is the same in Dutch and English`);
      }
    });
  }
  return problems;
}

const words = (entries: Readonly<Record<string, { en: string; nl: string }>>): Catalogue => entries;

describe('the text catalogues', () => {
  const catalogues: Record<string, Catalogue> = {
    chat: CHAT_TEXTS,
    console: CONSOLE_TEXTS,
    teams: TEAMS_TEXTS,
    notices: NOTICE_TEXTS,
    ...CODED_PARTS,
    groups: words(GROUP_LABELS),
    planning: words(PLANNING_LABELS),
    recipients: words(RECIPIENT_WORDS),
    states: words(ACTION_STATE_WORDS),
    'common fields': words(COMMON_FIELDS),
    'other groups': words(OTHER_GROUP_WORDS),
    platforms: words(PLATFORM_NAMES),
    usage: words(USAGE),
    ...Object.fromEntries(
      Object.entries(FIELD_LABELS).map(([group, fields]) => [`fields of ${group}`, words(fields)]),
    ),
    ...Object.fromEntries(
      Object.entries(VALUE_LABELS).flatMap(([group, fields]) =>
        Object.entries(fields ?? {}).map(([field, values]) => [`values of ${group}.${field}`, words(values)]),
      ),
    ),
  };

  it('has every text in Dutch and English, with the same placeholders, and translated', () => {
    expect(Object.entries(catalogues).flatMap(([name, catalogue]) => check(name, catalogue))).toEqual([]);
  });

  it('notices a text left untranslated (the check can fail)', () => {
    expect(check('probe', { probe: { en: 'Action failed', nl: 'Action failed' } })).toEqual([
      'probe probe: "Action failed" is the same in Dutch and English',
    ]);
    expect(check('probe', { probe: { en: 'Action {number}', nl: 'Actie {nummer}' } })).toHaveLength(1);
  });

  it('defines no coded text twice', () => {
    const keys = Object.values(CODED_PARTS).flatMap((part) => Object.keys(part));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('labels every field of every data group and every status value', () => {
    const missing = RECORD_KINDS.flatMap((kind) => [
      ...(GROUP_LABELS[kind] ? [] : [`group ${kind}`]),
      ...CATALOGUE[kind].fields
        .filter((field) => !['id', 'createdAt', 'updatedAt'].includes(field.name))
        .filter((field) => !FIELD_LABELS[kind][field.name])
        .map((field) => `${kind}.${field.name}`),
      ...CATALOGUE[kind].fields.flatMap((field) =>
        (field.values ?? [])
          .filter((value) => !VALUE_LABELS[kind]?.[field.name]?.[value])
          .map((value) => `${kind}.${field.name} = ${value}`),
      ),
      ...(STATUS_MACHINES[kind] ?? []).flatMap((machine) =>
        Object.keys(machine.transitions)
          .filter((value) => !VALUE_LABELS[kind]?.[machine.field]?.[value])
          .map((value) => `${kind}.${machine.field} = ${value}`),
      ),
    ]);
    expect(missing).toEqual([]);
  });
});

const root = join(import.meta.dirname, '..', '..');

function sources(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return path.includes('embedded') ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The codes the source gives to errors, rejections, failures and history entries, found where they are
 * written: `code: '…'`, `rejected('…'`, `failure(…, '…'`, `issue('…'`, `invalid('…'`, `fromZodError(…, '…'`,
 * `forbidden('…'`, `codes: ['…']`. The type checker already refuses an error code without a text; this
 * also covers the codes of history entries, which are free strings in stored documents.
 */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\bcode: '([a-z][\w.-]*\.[\w.-]+)'/g,
    /\b(?:rejected|issue|forbidden|reject)\(\s*'([a-z][\w.-]*)'/g,
    /\binvalid\(\s*'([a-z][\w-]*\.[\w.-]+)'/g,
    /\b(?:failure|fromZodError|issuesFromZod)\([^)]*?'([a-z][\w.-]*\.[\w.-]+)'/g,
    /\bcodes: \[\s*'([a-z][\w-]*)'/g,
    /\bcloseCode: '([a-z][\w-]*)'/g,
  ];
  for (const file of [...sources('src'), ...sources('adapters')]) {
    if (file.includes(`${join('src', 'config')}`) || file.includes(join('src', 'seed'))) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern)) found.set(match[1]!, relative(root, join(root, file)));
  }
  return found;
}

/** Codes that only say what the history line's own kind already says ("executed", "conditions hold"). */
const SILENT_HISTORY_CODES = new Set(['executed', 'conditions-met', 'template-process']);
/** Codes of the HTTP layer and of the chat's own grammar, which have their own texts. */
const OWN_TEXTS = new Set(['request.unknown-parameter', 'console.bad-request']);

describe('every code in the source', () => {
  it('has a text in both languages', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(80);
    const untranslated = [...codes]
      .filter(([code]) => !hasCodedText(code) && !SILENT_HISTORY_CODES.has(code) && !OWN_TEXTS.has(code))
      .filter(([code]) => !code.startsWith('command.'))
      .map(([code, file]) => `${code} (${file})`);
    expect(untranslated).toEqual([]);
  });

  it('knows the error codes the type checker holds it to', () => {
    expect(Object.keys(ERROR_TEXTS).length).toBeGreaterThan(120);
    expect(hasCodedText('template.unknown-merge-code')).toBe(true);
    expect(hasCodedText('no.such-code')).toBe(false);
  });
});
