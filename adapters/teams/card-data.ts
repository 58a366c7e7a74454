import { z } from 'zod';

/**
 * What an `Action.Execute` carries back to the bot (docs/teams.md). Teams merges a card's input values
 * into the same object, so everything of ours sits under one key (`stempel`) and inputs are named
 * `f.<field>` and `q.<field>`. Like every payload, it came back from outside: it is parsed here, and the
 * use cases re-check everything it names.
 */

/**
 * What a card shows when it is rendered again — after a button acted, on Back, and when Teams refreshes
 * it: the current cards of some actions, or the answer to a read-only command, each under public header
 * lines (a group chat's "Ans asked: …"). Ids and command texts are re-read with the viewer's rights.
 */
const HOME_TEXT = 1_000;
const HOME_LINES = 10;
const headerLines = z.array(z.string().max(HOME_TEXT)).max(HOME_LINES).optional();
const CardHomeSchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(50), t: headerLines }),
  z.strictObject({ c: z.string().min(1).max(HOME_TEXT), t: headerLines }),
]);
export type CardHome = z.infer<typeof CardHomeSchema>;

/** A text cut to the home's limit (UTF-16 units, as the schema counts), never inside a character. */
function fitted(text: string): string {
  if (text.length <= HOME_TEXT) return text;
  let kept = '';
  for (const character of text) {
    if (kept.length + character.length > HOME_TEXT - 1) break;
    kept += character;
  }
  return `${kept}…`;
}

/**
 * A home as the schema will accept it back: header lines kept to their limits, and no home for a
 * command too long to carry (cutting it would make it another command).
 */
export function boundedHome(home: CardHome | undefined): CardHome | undefined {
  if (!home || ('c' in home && home.c.length > HOME_TEXT)) return undefined;
  return home.t ? { ...home, t: home.t.slice(0, HOME_LINES).map(fitted) } : home;
}

const home = CardHomeSchema.optional();

export const CardDataSchema = z.discriminatedUnion('s', [
  /** Teams asks for the card as the viewer should see it now (the card's `refresh`). */
  z.strictObject({ s: z.literal('refresh'), h: home }),
  /** A button of the neutral model: its opaque payload. */
  z.strictObject({ s: z.literal('button'), p: z.string().min(3).max(200), h: home }),
  z.strictObject({ s: z.literal('back'), h: home }),
  /**
   * A form: submit it, or build it again with what was typed (`prior` holds the values of the fields that
   * rebuild the form as they were rendered, so the bot can tell which one changed).
   */
  z.strictObject({
    s: z.literal('form'),
    f: z.string().min(1).max(200),
    op: z.enum(['submit', 'rebuild']),
    prior: z.record(z.string(), z.string().max(4_000)).optional(),
    h: home,
  }),
]);
export type CardData = z.infer<typeof CardDataSchema>;

/** The data of an `Action.Execute`: ours under `stempel`, nothing else (inputs are added by Teams). */
export function executeData(data: CardData): { stempel: CardData } {
  return { stempel: data };
}

export const FIELD_INPUT_PREFIX = 'f.';
export const SEARCH_INPUT_PREFIX = 'q.';
