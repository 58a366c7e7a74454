import { Activity } from '@microsoft/agents-activity';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationMemory } from '../../adapters/teams/conversations.js';
import { TeamsConversationStore } from '../../src/store/teams-conversations.js';
import { openWorkspace, type TestWorkspace } from '../workflow/support/workspace.js';
import { FakeConnector } from './fake-connector.js';
import { messageActivity, personalChat, teamsPerson } from './support.js';

let ws: TestWorkspace;
let connector: FakeConnector;
beforeAll(async () => {
  ws = await openWorkspace('teams-conversation-memory');
  connector = await new FakeConnector().start();
});
afterAll(async () => {
  await connector.stop();
  await ws.close();
});

describe('the stored Teams conversations, with several instances', () => {
  it('stores an install after a removal another instance saw, though this one saw the chat before', async () => {
    const store = new TeamsConversationStore(ws.database.db);
    const logger = pino({ level: 'silent' });
    const [first, second] = [1, 2].map(() => new ConversationMemory(store, () => new Date(), logger));
    const person = teamsPerson('reinstaller');
    const chat = personalChat(person).id;
    const base = messageActivity({ connector }, person, 'help');
    const installation = (action: 'add' | 'remove') =>
      Activity.fromObject({ ...base, type: 'installationUpdate', action, text: undefined });

    await first!.remember(Activity.fromObject(base));
    await second!.remember(installation('remove'));
    expect((await store.get(chat))?.installed).toBe(false);
    await first!.remember(installation('add'));
    expect((await store.get(chat))?.installed).toBe(true);
  });
});
