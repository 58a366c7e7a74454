/**
 * The neutral message model (docs/architecture.md §3). Use cases and the command handler produce these views;
 * renderers turn them into Slack Block Kit, Teams Adaptive Cards or console HTML. Views carry text already
 * in the viewer's language and moments already as instants; renderers only lay them out and enforce their
 * platform's limits. Buttons carry opaque payloads only — the handler reloads and re-checks everything.
 */
import type { ActionState } from '../domain/actions/index.js';
import type { ActionColour } from '../domain/timing/index.js';

export type ButtonVerb =
  | 'done'
  | 'execute'
  | 'confirm-execute'
  /** The explicit "No" of Execute's preview: nothing runs, and the card comes back. */
  | 'decline-execute'
  | 'snooze'
  | 'snooze-pick'
  | 'assign'
  | 'assign-pick'
  | 'preview'
  | 'cancel'
  | 'show'
  | 'details';

export interface ButtonView {
  verb: ButtonVerb;
  label: string;
  /** 'primary' for the expected next step, 'danger' for destructive ones. */
  style: 'primary' | 'default' | 'danger';
  /** Opaque: `<verb>:<actionId>` plus an optional argument (a snooze duration, a user id). */
  payload: string;
  /** A question to confirm before the button acts, for destructive or outward-facing steps. */
  confirm?: string;
  /**
   * A menu instead of a single press (Snooze: 1 day, 3 days, 1 week, pick a date). Each choice carries its
   * own opaque payload; `payload` is then the button's identity, not something to send.
   */
  choices?: ButtonChoiceView[];
}

export interface ButtonChoiceView {
  label: string;
  payload: string;
}

export interface FactView {
  label: string;
  value: string;
}

export interface ActionCardView {
  kind: 'action-card';
  actionId: string;
  /**
   * The action's version this card shows: a posted copy records it, so that a change made while the card
   * was on its way is still edited in (absent on hand-made views; a copy then counts as out of date).
   */
  version?: number;
  number: number;
  title: string;
  /** "Course C-12 · Workshop basics". */
  recordLabel: string;
  record: { group: string; id: string };
  state: ActionState;
  stateLabel: string;
  colour: ActionColour;
  colourLabel: string;
  execution: 'manual' | 'semi-automatic' | 'automatic';
  ownerName: string | null;
  start: Date;
  end: Date;
  /** Start and end as the viewer reads them ("14 nov. 2026 09:00 – 16 nov. 2026 09:00"). */
  window: string;
  /** What Execute does, in a line ("E-mail to the participant", "Set status to definitive"). */
  processSummary?: string;
  /** Why the action is in its state (the failure, the unmet conditions). */
  reason?: string;
  /** What people noted on it. */
  remarks?: string;
  facts: FactView[];
  buttons: ButtonView[];
}

export interface ListView {
  kind: 'list';
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  items: ActionCardView[];
  /** How many matched in all; renderers say "… and N more" when they show fewer. */
  total: number;
  /** False when `total` is a bound (at least that many matched): renderers say "more than N". */
  totalExact?: boolean;
}

/**
 * A channel digest (docs/digests.md): the counts, then the most overdue actions as compact cards grouped by
 * owner, then how to see the rest. `notes` say what the reader should know (who may see what, nothing
 * overdue).
 */
export interface DigestView {
  kind: 'digest';
  title: string;
  /** Overdue, today, this week — and the overdue per owner. */
  summary: FactView[];
  notes: string[];
  sections: Array<{ colour: ActionColour; heading: string; items: ActionCardView[]; total: number }>;
  /** "… and 12 more: /actie lijst te-laat", when more are overdue than shown. */
  more?: string;
}

export interface PreviewView {
  kind: 'preview';
  title: string;
  actionId: string;
  /** Lines describing exactly what Execute will do. */
  lines: FactView[];
  /** Set when Execute would not work, with why. */
  problem?: string;
  buttons: ButtonView[];
}

export interface FormOptionView {
  value: string;
  label: string;
}

/**
 * One input of a form. `select` offers `options`; `search` asks the platform to look options up as the user
 * types (`source` names what is searched, e.g. `records:course`); `user` picks a Stempel user — platforms
 * with a native people picker use it and map the choice, others show `options`.
 */
export interface FormFieldView {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'search' | 'user' | 'date' | 'datetime';
  required: boolean;
  /** Dates as `YYYY-MM-DD`, moments as `YYYY-MM-DDTHH:mm` in the viewer's zone, selects as an option value. */
  value?: string;
  /** The label of `value` for search fields, whose options are not all known up front. */
  valueLabel?: string;
  options?: FormOptionView[];
  source?: string;
  hint?: string;
  /** Why the last submitted value was refused, in the viewer's language. */
  error?: string;
  /** Changing this field rebuilds the form (a new record recomputes the prefilled dates). */
  refreshes?: boolean;
  maxLength?: number;
}

export interface FormView {
  kind: 'form';
  title: string;
  /**
   * Opaque id of what submitting does ('form:new-action', 'form:snooze:act_…', 'form:assign:act_…'); the
   * handler reads the fields again and re-checks everything, so it is safe to round-trip via the platform.
   */
  submit: string;
  submitLabel: string;
  fields: FormFieldView[];
  /** A line above the fields: what the form does, or why the last submit was refused. */
  intro?: string;
}

/** Everything about one action: its card, the facts a card leaves out, and what happened to it. */
export interface ActionDetailsView {
  kind: 'action-details';
  card: ActionCardView;
  facts: FactView[];
  history: Array<{ at: string; text: string }>;
  /** How many older history entries were left out. */
  olderHistory: number;
}

export interface TemplateListView {
  kind: 'templates';
  title: string;
  empty: string;
  items: Array<{ key: string; name: string; dataGroup: string; execution: string; description: string }>;
  total: number;
}

export interface TextView {
  kind: 'text';
  /** Lines of plain text; the first may be rendered as a heading. */
  title?: string;
  lines: string[];
}

export interface ErrorView {
  kind: 'error';
  code: string;
  message: string;
  /** Extra lines: the fields at fault, the valid choices. */
  details: string[];
}

export type ChatView =
  | ActionCardView
  | ListView
  | DigestView
  | PreviewView
  | FormView
  | ActionDetailsView
  | TemplateListView
  | TextView
  | ErrorView;

/** A renderer turns every view into its platform's format; behaviour never lives here. */
export interface Renderer<Out> {
  render(view: ChatView): Out;
}
