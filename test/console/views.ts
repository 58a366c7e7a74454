import type { RenderContext } from '../../adapters/console/render/context.js';
import type { ActionCardView, ButtonView } from '../../src/chat/model.js';

export const CONTEXT: RenderContext = {
  locale: 'en',
  basePath: '/console',
  csrfToken: 'csrf-token-123456789',
};

let sequence = 0;

/** A card as the chat layer would build it; `fields` override. */
export function card(fields: Partial<ActionCardView> = {}): ActionCardView {
  sequence += 1;
  const buttons: ButtonView[] = [
    { verb: 'done', label: 'Done', style: 'primary', payload: `done:act_${sequence}` },
    {
      verb: 'cancel',
      label: 'Cancel action',
      style: 'danger',
      payload: `cancel:act_${sequence}`,
      confirm: 'Cancel this action for good?',
    },
  ];
  return {
    kind: 'action-card',
    actionId: `act_${sequence}`,
    number: 1000 + sequence,
    title: `Attendance list Workshop ${sequence}`,
    recordLabel: `Course C-${sequence} · Workshop ${sequence}`,
    record: { group: 'course', id: `crs_${sequence}` },
    state: 'open',
    stateLabel: 'Open',
    colour: 'overdue',
    colourLabel: 'Overdue',
    execution: 'manual',
    ownerName: 'Planner',
    start: new Date('2026-09-28T09:00:00+02:00'),
    end: new Date('2026-09-30T09:00:00+02:00'),
    window: '28 Sept 2026, 09:00 – 30 Sept 2026, 09:00',
    facts: [{ label: 'Owner', value: 'Planner' }],
    buttons,
    ...fields,
  };
}
