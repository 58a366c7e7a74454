/**
 * The neutral message model (ARCHITECTURE.md §3). Use cases and the command handler produce these views;
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
  | 'snooze'
  | 'assign'
  | 'preview'
  | 'cancel'
  | 'show';

export interface ButtonView {
  verb: ButtonVerb;
  label: string;
  /** 'primary' for the expected next step, 'danger' for destructive ones. */
  style: 'primary' | 'default' | 'danger';
  /** Opaque: `<verb>:<actionId>` plus an optional argument (a snooze duration, a user id). */
  payload: string;
  /** A question to confirm before the button acts, for destructive or outward-facing steps. */
  confirm?: string;
}

export interface FactView {
  label: string;
  value: string;
}

export interface ActionCardView {
  kind: 'action-card';
  actionId: string;
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

export interface DigestView {
  kind: 'digest';
  title: string;
  sections: Array<{ colour: ActionColour; heading: string; items: ActionCardView[]; total: number }>;
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

export interface FormFieldView {
  name: string;
  label: string;
  type: 'text' | 'select' | 'datetime' | 'textarea';
  required: boolean;
  value?: string;
  options?: Array<{ value: string; label: string }>;
}

export interface FormView {
  kind: 'form';
  title: string;
  /** Opaque id of what submitting does ('new-action', 'snooze:act_…', 'assign:act_…'). */
  submit: string;
  submitLabel: string;
  fields: FormFieldView[];
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
  | TemplateListView
  | TextView
  | ErrorView;

/** A renderer turns every view into its platform's format; behaviour never lives here. */
export interface Renderer<Out> {
  render(view: ChatView): Out;
}
