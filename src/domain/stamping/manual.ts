import { groupWord, pathWords } from '../../i18n/labels.js';
import type { ActionDraft } from '../actions/schema.js';
import { failureReasons, failuresCoded } from '../conditions/explain.js';
import type { RecordContext } from '../dossiers/context.js';
import { DomainError } from '../errors.js';
import { canStampTemplate } from '../rights/rules.js';
import type { User } from '../rights/user.js';
import type { ActionTemplate } from '../templates/schema.js';
import { draftAction, type StampingEnvironment } from './draft.js';

export interface ManualStampRequest extends StampingEnvironment {
  readonly template: ActionTemplate;
  readonly context: RecordContext;
  readonly user: User;
}

/**
 * The action a user stamps by hand. Works with or without an event on the template; an 'event' anchor then
 * means the stamping moment. A template that creates only when its conditions hold refuses, explaining why;
 * otherwise the action waits until they hold, as it would when stamped by an event.
 * @throws DomainError — forbidden ('stamp.forbidden'), invalid-input ('stamp.wrong-data-group') or
 * conflict ('stamp.conditions-not-met', 'stamp.missing-anchor').
 */
export function planManualStamp(request: ManualStampRequest): ActionDraft {
  const { template, context, user, now } = request;
  if (!canStampTemplate(user, template)) {
    throw new DomainError({
      category: 'forbidden',
      code: 'stamp.forbidden',
      message: `You may not stamp '${template.key}'`,
      params: { key: template.key },
    });
  }
  if (template.dataGroup !== context.group) {
    throw new DomainError({
      category: 'invalid-input',
      code: 'stamp.wrong-data-group',
      field: 'record',
      message: `'${template.key}' is stamped on ${template.dataGroup} records, not on a ${context.group}`,
      params: {
        key: template.key,
        templateGroup: groupWord(template.dataGroup),
        recordGroup: groupWord(context.group),
      },
    });
  }
  const outcome = draftAction(
    {
      template,
      context,
      stamperUserId: user.id,
      event: { at: now },
      requireConditions: template.createMode === 'when-conditions-hold',
    },
    request,
  );
  if ('draft' in outcome) return outcome.draft;
  const { reason, explanations, anchor } = outcome.skipped;
  if (reason === 'missing-anchor') {
    throw new DomainError({
      category: 'conflict',
      code: 'stamp.missing-anchor',
      message: `The record has no date for '${anchor}'`,
      details: { anchor },
      params: { anchor: pathWords(anchor ?? '') },
    });
  }
  const options = { locale: 'en', timeZone: request.calendar.timeZone } as const;
  throw new DomainError({
    category: 'conflict',
    code: 'stamp.conditions-not-met',
    message: `The conditions do not hold: ${failureReasons({ holds: false, explanations: explanations ?? [] }, options).join('; ')}`,
    details: { explanations },
    params: failuresCoded({ holds: false, explanations: explanations ?? [] }, request.calendar.timeZone)
      .params,
  });
}
