import type { ActionCardView, FactView } from '../../src/chat/model.js';
import { actionCards } from '../../src/chat/views/action-card.js';
import { recordLabels } from '../../src/chat/views/labels.js';
import { ACTION_STATES, type Action } from '../../src/domain/actions/index.js';
import { type DossierRecord, deriveFacts, fieldsOf, readField } from '../../src/domain/dossiers/index.js';
import { fieldLabel, valueLabel } from '../../src/i18n/labels.js';
import { listActions } from '../../src/workflow/actions/queries.js';
import {
  participantSummariesOf,
  participantsOf,
  readDossierRecord,
} from '../../src/workflow/dossier-queries.js';
import type { TimelineLane } from './render/timeline.js';
import { type Viewer, viewContextOf } from './viewer.js';

/** A course with hundreds of participants still draws; past this many lanes the cards list the rest. */
const MAX_LANES = 60;
const ACTIONS_PER_RECORD = 200;

export interface DossierTimeline {
  title: string;
  lanes: TimelineLane[];
  cards: ActionCardView[];
  facts: FactView[];
  courseDays?: { start: Date; end: Date };
}

/** The record's own fields and derived facts, as people read them; ids and bookkeeping are left out. */
async function factsOf(viewer: Viewer, record: DossierRecord): Promise<FactView[]> {
  const { deps, actor, timeZone } = viewer;
  const participants =
    record.group === 'course' ? await participantSummariesOf(deps, actor, record.id) : undefined;
  const derived = deriveFacts(record, { courseParticipants: participants }, deps.clock());
  const hidden = new Set(['id', 'createdAt', 'updatedAt']);
  return fieldsOf(record.group)
    .filter((spec) => !hidden.has(spec.name) && !spec.relation)
    .flatMap((spec) => {
      const value = spec.derived ? derived[spec.name] : readField(record, spec);
      const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
      if (empty || value === '') return [];
      return [
        {
          label: fieldLabel(record.group, spec.name, actor.locale),
          value: valueLabel(record.group, spec.name, value, { locale: actor.locale, timeZone }),
        },
      ];
    });
}

async function actionsOf(
  viewer: Viewer,
  record: { group: DossierRecord['group']; id: string },
): Promise<Action[]> {
  const { items } = await listActions(viewer.deps, viewer.actor, {
    record,
    states: [...ACTION_STATES],
    limit: ACTIONS_PER_RECORD,
    skip: 0,
  });
  return items.sort((a, b) => a.start.getTime() - b.start.getTime() || a.number - b.number);
}

/**
 * What the dossier page shows for `id`: a course with its participants' actions in lanes below its own; a
 * participant as its course, with its own lane highlighted; any other record with its own actions only.
 * Actions come through listActions, so the viewer sees exactly what their roles allow.
 */
export async function loadDossierTimeline(viewer: Viewer, id: string): Promise<DossierTimeline> {
  const requested = await readDossierRecord(viewer.deps, viewer.actor, id);
  const course =
    requested.group === 'participant'
      ? await readDossierRecord(viewer.deps, viewer.actor, requested.courseId)
      : requested;
  const participants =
    course.group === 'course' ? await participantsOf(viewer.deps, viewer.actor, course.id, MAX_LANES) : [];
  const records = [course, ...participants];
  const [labels, actions] = await Promise.all([
    recordLabels(viewer.deps.stores, records, viewer.actor.locale),
    Promise.all(records.map((record) => actionsOf(viewer, record))),
  ]);
  const cards = await actionCards(viewContextOf(viewer), actions.flat());
  const cardById = new Map(cards.map((card) => [card.actionId, card]));
  // On the course's own timeline, "Participant Anna Berg · Workshop basics" need not repeat the course.
  const courseSuffix = course.group === 'course' ? ` · ${course.name}` : undefined;
  const laneLabel = (label: string, index: number) =>
    index > 0 && courseSuffix && label.endsWith(courseSuffix) ? label.slice(0, -courseSuffix.length) : label;
  const lanes = records
    .map((record, index) => ({
      label: laneLabel(labels.get(record.id) ?? record.id, index),
      highlight: record.id === requested.id && requested.id !== course.id,
      bars: (actions[index] ?? []).map((action) => cardById.get(action.id)!),
    }))
    // The course's own lane always shows; a participant without actions is only noise.
    .filter((lane, index) => index === 0 || lane.bars.length > 0);
  return {
    title: labels.get(course.id) ?? course.id,
    lanes,
    cards,
    facts: await factsOf(viewer, course),
    ...(course.group === 'course' && course.startDate && course.endDate
      ? { courseDays: { start: course.startDate, end: course.endDate } }
      : {}),
  };
}
