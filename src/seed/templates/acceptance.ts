import type { TemplateInput } from '../../domain/templates/index.js';
import { everyCourseType, firstAid, openEnrolment, PLANNING_WORK, type TemplateRefs } from './links.js';
import { after, before } from './offsets.js';

/** The category the re-enrolment template (example 6) removes; persons with it need a new certificate. */
export const EXPIRED_FIRST_AID = 'ehbo-verlopen';

/**
 * docs/domain.md §8 examples 1–6, in Dutch (example 7, naming, is what the attendance list's name shows).
 * The keys are the English ones the domain documentation and the tests use.
 */
export function acceptanceTemplates(refs: TemplateRefs): TemplateInput[] {
  return [
    {
      key: 'call-back-quote',
      name: 'Offerte [Aanvraag:Nummer] nabellen – [Bedrijf:Naam]',
      description: 'Bel de klant tien werkdagen na de offerte: vragen, twijfels, een datum kiezen.',
      execution: 'manual',
      dataGroup: 'request',
      timing: { start: after(10, 'working-days', 'created'), end: after(10, 'working-days', 'created') },
      // Whoever stamps it calls back; nobody outside sales needs to see quotes being chased.
      ownerRule: { kind: 'stamper' },
      readRoles: ['sales'],
      writeRoles: ['sales'],
      categories: ['verkoop'],
      courseTypeIds: everyCourseType(refs),
    },
    {
      key: 'attendance-list',
      name: 'Presentielijst [Opleiding:Naam]',
      description: 'Print de presentielijst en leg hem met de cursusmap klaar voor de docent.',
      execution: 'manual',
      dataGroup: 'course',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
      timing: {
        start: before(2, 'working-days', 'course.startDate'),
        end: before(1, 'working-days', 'course.startDate'),
      },
      ownerRule: { kind: 'course-contact' },
      ...PLANNING_WORK,
      categories: ['planning'],
      courseTypeIds: everyCourseType(refs),
    },
    {
      key: 'publish-portal',
      name: 'Publiceer [Opleiding:Naam] op het portaal',
      description: 'Zet een nieuwe opleiding meteen open voor inschrijving op de website.',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      process: { type: 'set-field', field: 'portalPublished', value: true },
      timing: { start: after(0, 'days', 'event'), end: after(1, 'working-days', 'event') },
      ...PLANNING_WORK,
      categories: ['portaal'],
      courseTypeIds: openEnrolment(refs),
    },
    {
      key: 'stop-publishing-when-full',
      name: 'Haal [Opleiding:Naam] van het portaal (vol)',
      description: 'Wacht verborgen tot de opleiding vol is en sluit dan de inschrijving op de website.',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      createMode: 'always',
      process: { type: 'set-field', field: 'portalPublished', value: false },
      conditions: { all: [{ field: 'course.full', op: 'eq', value: true }] },
      // Once the course has started the website no longer offers it anyway; the waiting action expires.
      timing: { start: after(0, 'days', 'event'), end: before(0, 'days', 'course.startDate') },
      ...PLANNING_WORK,
      categories: ['portaal'],
      courseTypeIds: openEnrolment(refs),
    },
    {
      key: 'go-when-minimum-reached',
      name: 'Maak [Opleiding:Naam] definitief (minimum bereikt)',
      description:
        'Tien dagen voor de start gaat de opleiding door zodra het minimum aantal deelnemers er is.',
      execution: 'automatic',
      dataGroup: 'course',
      event: { type: 'created', group: 'course' },
      process: { type: 'set-status', status: 'definitive' },
      conditions: {
        all: [
          { field: 'course.minimumReached', op: 'eq', value: true },
          // A planner may confirm a course by hand first; then there is nothing left to do.
          { field: 'course.status', op: 'eq', value: 'to-start' },
        ],
      },
      timing: {
        start: before(10, 'days', 'course.startDate'),
        end: before(1, 'working-days', 'course.startDate'),
        timeOfDay: '09:00',
      },
      ...PLANNING_WORK,
      categories: ['planning'],
      courseTypeIds: openEnrolment(refs),
    },
    {
      key: 'remove-expired-category',
      name: 'Categorie "EHBO verlopen" weghalen bij [Persoon:Naam]',
      description: 'Wie zich opnieuw inschrijft, krijgt weer een geldig certificaat: haal de categorie weg.',
      execution: 'automatic',
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
      // Only for people who carry the category, so the other participants get no empty action.
      createMode: 'when-conditions-hold',
      process: { type: 'person-category', category: EXPIRED_FIRST_AID, mode: 'remove' },
      conditions: {
        all: [
          { field: 'participant.active', op: 'eq', value: true },
          { field: 'person.categories', op: 'contains', value: EXPIRED_FIRST_AID },
        ],
      },
      timing: { start: after(1, 'working-days', 'event'), end: after(3, 'working-days', 'event') },
      ...PLANNING_WORK,
      categories: ['deelnemers'],
      courseTypeIds: firstAid(refs),
    },
  ];
}
