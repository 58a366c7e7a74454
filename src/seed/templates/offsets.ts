import type { TimingOffset } from '../../domain/timing/index.js';

type Unit = TimingOffset['unit'];

/** `after(2, 'working-days', 'event')` reads like the template editor: "2 working days after the event". */
export function after(amount: number, unit: Unit, anchor: string): TimingOffset {
  return { amount, unit, direction: 'after', anchor };
}

export function before(amount: number, unit: Unit, anchor: string): TimingOffset {
  return { amount, unit, direction: 'before', anchor };
}
