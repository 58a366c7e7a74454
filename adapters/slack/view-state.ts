import type { ViewStateValue } from '@slack/bolt';
import type { FormValues } from '../../src/chat/forms/index.js';
import { resolveChatUser } from '../../src/workflow/identities.js';
import { memberProfile } from './identity.js';
import type { SlackTurn } from './present.js';
import type { SlackSurface } from './surface.js';

/** What a form's inputs hold, by block id (the field name), in the neutral form's terms. */
export interface SlackFormValues {
  values: FormValues;
  /** People picked in Slack who are no Stempel user: a refusal on their field. */
  unlinked: string[];
}

/**
 * Reads a modal's state into neutral form values: selects give their option value, the date-time picker
 * an exact instant, and a people picker the Stempel user linked to the Slack user chosen.
 */
export async function readFormValues(
  surface: SlackSurface,
  turn: SlackTurn,
  state: Record<string, Record<string, ViewStateValue>>,
): Promise<SlackFormValues> {
  const values: Record<string, string> = {};
  const unlinked: string[] = [];
  for (const [blockId, actions] of Object.entries(state)) {
    const input = Object.values(actions)[0];
    if (!input) continue;
    switch (input.type) {
      case 'plain_text_input':
        if (input.value) values[blockId] = input.value;
        break;
      case 'static_select':
      case 'external_select':
        if (input.selected_option?.value) values[blockId] = input.selected_option.value;
        break;
      case 'datepicker':
        if (input.selected_date) values[blockId] = input.selected_date;
        break;
      case 'datetimepicker':
        if (typeof input.selected_date_time === 'number')
          values[blockId] = new Date(input.selected_date_time * 1000).toISOString();
        break;
      case 'users_select': {
        const slackUser = input.selected_user;
        if (!slackUser) break;
        const user = await resolveChatUser(
          surface.deps,
          { platform: 'slack', teamId: turn.teamId, userId: slackUser },
          async () => (await memberProfile(turn.client, slackUser)).email,
        );
        if (user) values[blockId] = user.id;
        else unlinked.push(blockId);
        break;
      }
    }
  }
  return { values, unlinked };
}

export async function formValues(
  surface: SlackSurface,
  turn: SlackTurn,
  state: Record<string, Record<string, ViewStateValue>>,
): Promise<FormValues> {
  return (await readFormValues(surface, turn, state)).values;
}
