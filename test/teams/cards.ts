import * as AdaptiveCards from 'adaptivecards';

/** Teams' limits as its host config states them (the Adaptive Cards designer's Teams container): six buttons. */
const teamsHostConfig = new AdaptiveCards.HostConfig({ actions: { maxActions: 6 } });

/**
 * Everything the adaptivecards library (2.11, the last that loads in Node) objects to in a card: parse
 * events (unknown or unsupported properties for version 1.5) and validation failures (duplicate ids,
 * missing required parts). A card Teams will show without trouble has none.
 */
export function cardProblems(card: object): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.hostConfig = teamsHostConfig;
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) problems.push(context.getEventAt(index).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

type Json = Record<string, unknown>;

export interface ExecuteFound {
  title: string;
  verb: string;
  data: Json;
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  visit(node as Json);
  for (const value of Object.values(node)) walk(value, visit);
}

/** Every Universal Action of a card, folded-out menus included, in order. */
export function executeActions(card: unknown): ExecuteFound[] {
  const found: ExecuteFound[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.title !== 'refresh') {
      found.push({ title: String(node.title), verb: String(node.verb), data: node.data as Json });
    }
  });
  return found;
}

/** The data of the button titled `title`; fails the test when the card has none. */
export function buttonData(card: unknown, title: string): Json {
  const action = executeActions(card).find((entry) => entry.title === title);
  if (!action) {
    throw new Error(
      `no button "${title}" in ${executeActions(card)
        .map((entry) => entry.title)
        .join(', ')}`,
    );
  }
  return action.data;
}

/** Everything a card says, as one text: text blocks, facts and choices. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock') parts.push(String(node.text));
    if (node.type === 'FactSet')
      for (const fact of node.facts as Json[]) parts.push(`${fact.title}: ${fact.value}`);
    if (node.type === 'Input.ChoiceSet')
      for (const choice of node.choices as Json[]) parts.push(String(choice.title));
  });
  return parts.join('\n');
}

/** The Adaptive Card in a message activity the bot sent. */
export function cardIn(activity: Json): Json {
  const [attachment] = activity.attachments as Json[];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`no Adaptive Card in ${JSON.stringify(activity).slice(0, 300)}`);
  }
  return attachment.content as Json;
}
