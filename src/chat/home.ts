import type { User } from '../domain/rights/user.js';
import type { ActionColour } from '../domain/timing/index.js';
import { listActions } from '../workflow/actions/queries.js';
import type { WorkflowDeps } from '../workflow/deps.js';
import type { ChatView, ListView } from './model.js';
import { say, type TextKey } from './texts.js';
import { actionCards } from './views/action-card.js';

/** Cards per section of a home view; the platform shows "… and N more" past what fits. */
const perSection = 10;

const sections: ReadonlyArray<{ colour: ActionColour; title: TextKey; empty: TextKey }> = [
  { colour: 'overdue', title: 'home.overdue', empty: 'home.none-overdue' },
  { colour: 'today', title: 'home.today', empty: 'home.none-today' },
  { colour: 'future', title: 'home.upcoming', empty: 'home.none-upcoming' },
];

/**
 * A person's own actions by colour, with the same buttons as every card: Slack's App Home, and any other
 * surface that shows "my actions" at a glance.
 */
export async function homeViews(
  deps: WorkflowDeps,
  user: User,
): Promise<{ views: ChatView[]; actionIds: Map<string, number> }> {
  const locale = user.locale;
  const { calendar } = await deps.workspace.get();
  const viewContext = {
    stores: deps.stores,
    actor: user,
    now: deps.clock(),
    timeZone: user.timeZone ?? calendar.timeZone,
  };
  const versions = new Map<string, number>();
  const lists: ListView[] = [];
  for (const section of sections) {
    const result = await listActions(deps, user, {
      owner: 'me',
      colour: section.colour,
      limit: perSection,
      skip: 0,
    });
    for (const action of result.items) versions.set(action.id, action.version);
    lists.push({
      kind: 'list',
      title: say(locale, section.title),
      empty: say(locale, section.empty),
      items: await actionCards(viewContext, result.items),
      total: result.total,
    });
  }
  return {
    views: [{ kind: 'text', title: say(locale, 'home.title'), lines: [say(locale, 'home.hint')] }, ...lists],
    actionIds: versions,
  };
}
