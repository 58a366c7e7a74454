import type { TemplateInput } from '../../domain/templates/index.js';
import { APPROVED_SENDER } from '../staff.js';
import { PLANNING_WORK, type TemplateRefs } from './links.js';
import { after, before } from './offsets.js';

const WELCOME_BODY = `Beste [Persoon:Voornaam],

Welkom bij [Opleiding:Naam]. De opleiding begint op [Opleiding:Begindatum] om 9.00 uur,
lesadres: [Opleiding:Vrij.Lesplaats].

Neem een geldig identiteitsbewijs mee; zonder kunt u het examen niet doen.

Met vriendelijke groet,
Opleidingscentrum De Brug`;

/**
 * Three templates beyond the acceptance examples that give the demo something to press: an e-mail and
 * a field change that wait for Execute (semi-automatic), and a phone call for a named person.
 */
export function extraTemplates({ courseTypes, staff }: TemplateRefs): TemplateInput[] {
  return [
    {
      key: 'welcome-participant',
      name: 'Welkomstmail aan [Persoon:Naam] ([Opleiding:Naam])',
      description: 'Controleer de gegevens en druk op Uitvoeren om de welkomstmail te sturen.',
      execution: 'semi-automatic',
      dataGroup: 'participant',
      event: { type: 'participant-added', group: 'participant' },
      process: {
        type: 'email',
        sender: APPROVED_SENDER.address,
        to: [{ kind: 'symbolic', role: 'participant' }],
        documentTemplate: { subject: 'Welkom bij [Opleiding:Naam]', body: WELCOME_BODY },
      },
      timing: { start: after(0, 'days', 'event'), end: after(2, 'working-days', 'event') },
      ...PLANNING_WORK,
      categories: ['communicatie'],
      courseTypeIds: [courseTypes.vca.id],
    },
    {
      key: 'register-pass',
      name: 'Geslaagd registreren: [Persoon:Naam] ([Opleiding:Naam])',
      description: 'Stuur het certificaat en druk op Uitvoeren: Stempel zet Geslaagd op ja.',
      execution: 'semi-automatic',
      dataGroup: 'participant',
      // A course event on a participant template: one action per participant of the course.
      event: { type: 'status-changed', group: 'course', to: 'executed' },
      process: { type: 'set-field', field: 'passMet', value: true },
      timing: { start: after(0, 'days', 'event'), end: after(5, 'working-days', 'event') },
      ...PLANNING_WORK,
      categories: ['certificaten'],
      courseTypeIds: [courseTypes.ehbo.id, courseTypes.bhv.id],
    },
    {
      key: 'call-teacher',
      name: 'Bel docent over [Opleiding:Naam]',
      description: 'Neem het programma, de groep en eventuele bijzonderheden door met de docent.',
      execution: 'manual',
      dataGroup: 'course',
      event: { type: 'status-changed', group: 'course', to: 'definitive' },
      ownerRule: { kind: 'user', userId: staff.bram.id },
      timing: {
        start: before(5, 'working-days', 'course.startDate'),
        end: before(2, 'working-days', 'course.startDate'),
      },
      ...PLANNING_WORK,
      categories: ['planning'],
      // The in-company and VCA courses are given by freelance teachers who need the briefing.
      courseTypeIds: [courseTypes.bhv.id, courseTypes.vca.id],
    },
  ];
}
