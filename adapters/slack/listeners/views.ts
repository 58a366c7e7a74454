import type { App, ViewSubmitAction } from '@slack/bolt';
import type { ChatContext } from '../../../src/chat/context.js';
import { type FormValues, formOptions, rebuildForm, submitForm } from '../../../src/chat/forms/index.js';
import { handleButton } from '../../../src/chat/handle.js';
import type { FormView } from '../../../src/chat/model.js';
import { say } from '../../../src/chat/texts.js';
import { errorView } from '../../../src/chat/views/errors.js';
import { present, type SlackTurn, showForm } from '../present.js';
import { option } from '../render/elements.js';
import { SLACK_LIMITS } from '../render/limits.js';
import { renderBlocks } from '../render/messages.js';
import { CALLBACK, decodeMetadata, infoModal, loadingModal, OPTIONS_PREFIX } from '../render/modals.js';
import { actorFor, firstTime, type SlackSurface } from '../surface.js';
import { readFormValues } from '../view-state.js';

/** How long an options request may look for matches: its answer is its acknowledgement (3 s at Slack). */
const OPTIONS_BUDGET_MS = 2_000;

function turnOfView(
  body: ViewSubmitAction,
  client: SlackTurn['client'],
  locale: SlackTurn['locale'],
): SlackTurn {
  const metadata = decodeMetadata(body.view.private_metadata);
  return {
    client,
    teamId: body.team?.id ?? body.user.team_id ?? '',
    locale: metadata?.locale ?? locale,
    viewId: body.view.id,
    ...(metadata?.responseUrl ? { responseUrl: metadata.responseUrl } : {}),
    ...(metadata?.channel ? { channelId: metadata.channel } : {}),
    ...(metadata?.ephemeral ? { ephemeral: true } : {}),
  };
}

/** Required fields left empty: refused on the field right in the acknowledgement, nothing looked up. */
function missingRequired(body: ViewSubmitAction, values: FormValues, locale: SlackTurn['locale']) {
  const errors: Record<string, string> = {};
  for (const block of body.view.blocks as Array<{ type: string; block_id?: string; optional?: boolean }>) {
    if (block.type === 'input' && block.block_id && !block.optional && !values[block.block_id]) {
      errors[block.block_id] = say(locale, 'form.required');
    }
  }
  return errors;
}

function plainValues(body: ViewSubmitAction): FormValues {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(body.view.state.values)) {
    const input = Object.values(actions)[0];
    const value =
      input?.value ??
      input?.selected_option?.value ??
      input?.selected_user ??
      input?.selected_date ??
      (typeof input?.selected_date_time === 'number' ? String(input.selected_date_time) : undefined);
    if (value) values[blockId] = value;
  }
  return values;
}

/**
 * Modal submissions. A form is acknowledged with its missing fields (checked without looking anything
 * up) or with a loading view; the use case then stamps, snoozes or assigns, and the modal shows the
 * result — or the form again with the refusals on their fields. Confirm in Execute's preview works the
 * same way. Record and people searches answer the options requests of search fields.
 */
export function registerViews(app: App, surface: SlackSurface): void {
  /**
   * What follows a submission's acknowledgement, once per submission (Slack may send one twice), for
   * the person who submitted it; failures end in the modal as an error.
   */
  const afterSubmit = (
    submission: ViewSubmitAction,
    client: SlackTurn['client'],
    locale: SlackTurn['locale'],
    work: (context: ChatContext, turn: SlackTurn) => Promise<void>,
  ) =>
    surface.work.run(async () => {
      if (!(await firstTime(surface, `view:${submission.view.id}:${submission.view.hash}`))) return;
      const found = await actorFor(surface, turnOfView(submission, client, locale), submission.user.id);
      if (!found) return;
      try {
        await work(found.context, found.turn);
      } catch (error) {
        surface.logger.error(
          { err: error, callback: submission.view.callback_id },
          'slack submission failed',
        );
        await present(surface.deps, found.turn, [errorView(error, found.turn.locale)]);
      }
    });

  app.view(CALLBACK.form, async ({ ack, body, client }) => {
    const submission = body as ViewSubmitAction;
    const metadata = decodeMetadata(submission.view.private_metadata);
    // The locale travels in the modal: nothing is looked up before the acknowledgement.
    const locale = metadata?.locale ?? 'nl';
    const errors = missingRequired(submission, plainValues(submission), locale);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack({ response_action: 'update', view: loadingModal(locale) });
    if (!metadata) return;
    afterSubmit(submission, client, locale, async (context, turn) => {
      const read = await readFormValues(surface, turn, submission.view.state.values);
      if (read.unlinked.length > 0) {
        const form = await rebuildForm(context, metadata.id, read.values);
        const refused: FormView = {
          ...form,
          fields: form.fields.map((field) =>
            read.unlinked.includes(field.name)
              ? { ...field, error: say(turn.locale, 'slack.assignee-unknown') }
              : field,
          ),
        };
        await showForm(surface.deps, turn, refused);
        return;
      }
      const outcome = await submitForm(context, metadata.id, read.values);
      if (outcome.kind === 'invalid') {
        await showForm(surface.deps, turn, outcome.form);
        return;
      }
      await client.views.update({
        view_id: submission.view.id,
        view: infoModal(submission.view.title.text, outcome.views, turn.locale),
      });
      await answerOrigin(turn, outcome.views);
    });
  });

  app.view(CALLBACK.confirm, async ({ ack, body, client }) => {
    const submission = body as ViewSubmitAction;
    const metadata = decodeMetadata(submission.view.private_metadata);
    const locale = metadata?.locale ?? 'nl';
    await ack({ response_action: 'update', view: loadingModal(locale) });
    if (!metadata) return;
    afterSubmit(submission, client, locale, async (context, turn) => {
      const views = await handleButton(context, metadata.id);
      await client.views.update({
        view_id: submission.view.id,
        view: infoModal('Stempel', views, turn.locale),
      });
      await answerOrigin(turn, views);
    });
  });

  app.options(new RegExp(`^${OPTIONS_PREFIX}`), async ({ ack, body, options, client }) => {
    const source = (options as { action_id?: string }).action_id?.slice(OPTIONS_PREFIX.length) ?? '';
    const query = (options as { value?: string }).value ?? '';
    const teamId = body.team?.id ?? body.user?.team_id ?? '';
    const lookup = (async () => {
      const actor = await surface.identities.resolve(teamId, body.user.id, client);
      if (!actor.user) return [];
      const context = { deps: surface.deps, execution: surface.execution, actor: actor.user };
      return formOptions(context, source, query);
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<[]>((resolve) => {
      timer = setTimeout(() => resolve([]), OPTIONS_BUDGET_MS);
    });
    const found = await Promise.race([lookup, timeout])
      .catch(() => [])
      .finally(() => clearTimeout(timer));
    await ack({
      options: found.slice(0, SLACK_LIMITS.selectOptions).map((entry) => option(entry.label, entry.value)),
    });
  });
}

/**
 * The ephemeral message a modal was opened from shows the result too, so its spent buttons go; a posted
 * card follows by itself.
 */
async function answerOrigin(turn: SlackTurn, views: Parameters<typeof renderBlocks>[0]): Promise<void> {
  if (!turn.ephemeral || !turn.responseUrl) return;
  const { text, blocks } = renderBlocks(views, turn.locale);
  await fetch(turn.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ replace_original: true, text, blocks }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => undefined);
}
