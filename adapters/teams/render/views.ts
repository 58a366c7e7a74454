import type {
  DigestView,
  ErrorView,
  ListView,
  PreviewView,
  TemplateListView,
  TextView,
} from '../../../src/chat/model.js';
import { actionCardElements } from './card.js';
import {
  actionSet,
  backAction,
  buttonAction,
  type CardElement,
  clip,
  container,
  factSet,
  moreLine,
  type RenderState,
  textBlock,
} from './elements.js';

function heading(text: string): CardElement {
  return textBlock(clip(text, 300), { weight: 'bolder', size: 'medium' });
}

export function listElements(view: ListView, state: RenderState): CardElement[] {
  const shown = view.items.slice(0, state.limits.items);
  return [
    heading(view.title),
    ...(view.items.length === 0 ? [textBlock(view.empty, { subtle: true })] : []),
    ...shown.map((item, index) => container(actionCardElements(item, state), index > 0)),
    ...moreLine(state.locale, Math.max(view.total, view.items.length) - shown.length, view.totalExact),
  ];
}

export function digestElements(view: DigestView, state: RenderState): CardElement[] {
  return [
    heading(view.title),
    ...(view.summary.length > 0 ? [factSet(view.summary, state.limits.textChars)] : []),
    ...view.notes.map((note) => textBlock(clip(note, 600), { subtle: true })),
    ...view.sections.flatMap((section) => {
      const shown = section.items.slice(0, state.limits.items);
      return [
        textBlock(clip(section.heading, 300), { weight: 'bolder', separator: true }),
        ...shown.map((item, index) => container(actionCardElements(item, state), index > 0)),
        ...moreLine(state.locale, Math.max(section.total, section.items.length) - shown.length),
      ];
    }),
    ...(view.more ? [textBlock(clip(view.more, 600), { subtle: true })] : []),
  ];
}

/** Execute's confirm step: exactly what will happen, or why it cannot, then Confirm and Back. */
export function previewElements(view: PreviewView, state: RenderState, back: boolean): CardElement[] {
  return [
    heading(view.title),
    ...(view.lines.length > 0 ? [factSet(view.lines, state.limits.textChars)] : []),
    ...(view.problem ? [textBlock(clip(view.problem, state.limits.textChars), { color: 'attention' })] : []),
    ...actionSet([
      ...view.buttons.map((button) => buttonAction(button, state)),
      ...(back ? [backAction(state)] : []),
    ]),
  ];
}

export function templateElements(view: TemplateListView, state: RenderState): CardElement[] {
  const shown = view.items.slice(0, state.limits.items);
  return [
    heading(view.title),
    ...(view.items.length === 0 ? [textBlock(view.empty, { subtle: true })] : []),
    ...shown.flatMap((item, index) => [
      textBlock(clip(`${item.key} · ${item.name}`, 300), { weight: 'bolder', separator: index > 0 }),
      textBlock(`${item.dataGroup} · ${item.execution}`, { subtle: true, spacing: 'none' }),
      ...(item.description
        ? [textBlock(clip(item.description, state.limits.textChars), { spacing: 'none' })]
        : []),
    ]),
    ...moreLine(state.locale, Math.max(view.total, view.items.length) - shown.length),
  ];
}

export function textElements(view: TextView, state: RenderState): CardElement[] {
  return [
    ...(view.title ? [heading(view.title)] : []),
    ...view.lines.map((line, index) =>
      textBlock(clip(line, state.limits.textChars), index === 0 ? {} : { spacing: 'small' }),
    ),
  ];
}

export function errorElements(view: ErrorView, state: RenderState): CardElement[] {
  return [
    textBlock(clip(view.message, state.limits.textChars), { color: 'attention', weight: 'bolder' }),
    ...view.details.map((line) =>
      textBlock(clip(line, state.limits.textChars), { color: 'attention', spacing: 'none' }),
    ),
  ];
}
