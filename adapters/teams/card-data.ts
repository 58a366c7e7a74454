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
const CardHomeSchema = z.union([
  z.strictObject({
    ids: z.array(z.string().min(1).max(64)).min(1).max(50),
    t: z.array(z.string().max(1_000)).max(10).optional(),
  }),
  z.strictObject({
    c: z.string().min(1).max(1_000),
    t: z.array(z.string().max(1_000)).max(10).optional(),
  }),
]);
export type CardHome = z.infer<typeof CardHomeSchema>;

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
