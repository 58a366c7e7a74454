import type { Locale } from '../../src/domain/i18n/locale.js';
import { type CatalogueText, fill } from '../../src/i18n/fill.js';

/**
 * The console's own words (navigation, identity, board, timeline), in Dutch and English. Texts shared with
 * the chat platforms — states, colours, buttons, results — come from src/chat/texts.ts instead.
 */
const texts = {
  'app.title': { en: 'Stempel console', nl: 'Stempel-console' },
  'nav.label': { en: 'Console sections', nl: 'Onderdelen van de console' },
  'nav.skip': { en: 'Skip to content', nl: 'Naar de inhoud' },
  'nav.chat': { en: 'Chat', nl: 'Chat' },
  'nav.board': { en: 'Board', nl: 'Bord' },
  'nav.delivery': { en: 'Delivery', nl: 'Bezorging' },
  'delivery.title': { en: 'Chat delivery', nl: 'Bezorging van berichten' },
  'delivery.intro': {
    en: 'Where Stempel sends messages. A conversation the platform refused for good is marked broken: nothing goes there until you fix the cause (invite the bot, unarchive the channel, link the person again) and clear the mark.',
    nl: 'Waar Stempel berichten heen stuurt. Een gesprek dat het platform definitief weigerde, staat op defect: er gaat niets meer heen tot je de oorzaak oplost (de bot uitnodigen, het kanaal terugzetten, de persoon opnieuw koppelen) en de markering wist.',
  },
  'delivery.broken': { en: 'Broken conversations', nl: 'Defecte gesprekken' },
  'delivery.none-broken': { en: 'Nothing is broken.', nl: 'Niets is defect.' },
  'delivery.all': { en: 'All conversations', nl: 'Alle gesprekken' },
  'delivery.failed': { en: 'Messages that failed', nl: 'Mislukte berichten' },
  'delivery.none-failed': { en: 'No failed messages.', nl: 'Geen mislukte berichten.' },
  'delivery.conversation': { en: 'Conversation', nl: 'Gesprek' },
  'delivery.platform': { en: 'Platform', nl: 'Platform' },
  'delivery.reason': { en: 'Reason', nl: 'Reden' },
  'delivery.since': { en: 'Since', nl: 'Sinds' },
  'delivery.sent': { en: 'Sent', nl: 'Verstuurd' },
  'delivery.failures': { en: 'Failures', nl: 'Mislukt' },
  'delivery.last-error': { en: 'Last error', nl: 'Laatste fout' },
  'delivery.clear': { en: 'Fixed: clear the mark', nl: 'Opgelost: markering wissen' },
  'delivery.cleared': { en: 'Cleared; messages go there again.', nl: 'Gewist; berichten gaan er weer heen.' },
  'delivery.message': { en: 'Message', nl: 'Bericht' },
  'reason.channel-gone': {
    en: 'The channel does not exist (any more), or Stempel cannot see it.',
    nl: 'Het kanaal bestaat niet (meer), of Stempel kan het niet zien.',
  },
  'reason.not-in-channel': {
    en: 'Stempel is not in this channel: invite it (/invite @Stempel).',
    nl: 'Stempel zit niet in dit kanaal: nodig het uit (/invite @Stempel).',
  },
  'reason.archived': { en: 'The channel is archived.', nl: 'Het kanaal is gearchiveerd.' },
  'reason.account-inactive': {
    en: 'The account is deactivated.',
    nl: 'Het account is gedeactiveerd.',
  },
  'reason.user-unknown': { en: 'Slack does not know this user.', nl: 'Slack kent deze gebruiker niet.' },
  'reason.token': {
    en: 'Slack no longer accepts Stempel’s token: install the app again, or set a new SLACK_BOT_TOKEN.',
    nl: 'Slack accepteert het token van Stempel niet meer: installeer de app opnieuw, of stel een nieuw SLACK_BOT_TOKEN in.',
  },
  'reason.no-access': {
    en: 'The app has no access to this workspace, or a workspace policy does not allow it.',
    nl: 'De app heeft geen toegang tot deze werkruimte, of een beleid van de werkruimte staat het niet toe.',
  },
  'reason.teams-removed': {
    en: 'The Teams app was removed from this conversation, or blocked.',
    nl: 'De Teams-app is uit dit gesprek verwijderd, of geblokkeerd.',
  },
  'reason.teams-gone': {
    en: 'Teams does not know this conversation (any more).',
    nl: 'Teams kent dit gesprek niet (meer).',
  },
  'reason.teams-host': {
    en: 'This conversation’s address is not a Teams address, so Stempel does not write there.',
    nl: 'Het adres van dit gesprek is geen Teams-adres, dus Stempel schrijft daar niet heen.',
  },
  'reason.not-configured': {
    en: '{platform} is not configured on this server.',
    nl: '{platform} is op deze server niet ingesteld.',
  },
  'reason.not-installed': {
    en: 'Stempel is not installed in Slack workspace {team}.',
    nl: 'Stempel is niet geïnstalleerd in Slack-werkruimte {team}.',
  },
  'reason.unreachable': {
    en: '{conversation} is marked broken.',
    nl: '{conversation} is als defect gemarkeerd.',
  },
  'reason.no-identity': {
    en: '{user} has no chat identity Stempel can reach: link one below.',
    nl: '{user} heeft geen chatidentiteit die Stempel kan bereiken: koppel er hieronder een.',
  },
  'reason.no-channel': {
    en: '{platform} has no channel {channel}.',
    nl: '{platform} heeft geen kanaal {channel}.',
  },
  'delivery.attempts': { en: 'Attempts', nl: 'Pogingen' },
  'delivery.digests': { en: 'Channel digests', nl: 'Kanaaloverzichten' },
  'delivery.no-digests': {
    en: 'No channel has a digest. Start one in a channel with /actie digest on weekdays 08:30.',
    nl: 'Geen kanaal heeft een overzicht. Zet er een aan in een kanaal met /actie digest aan werkdagen 08:30.',
  },
  'delivery.schedule': { en: 'Schedule', nl: 'Schema' },
  'delivery.next-run': { en: 'Next', nl: 'Volgende' },
  'delivery.last-run': { en: 'Last run', nl: 'Laatste keer' },
  'run.sent': { en: 'sent', nl: 'verstuurd' },
  'run.empty-skipped': { en: 'nothing overdue: skipped', nl: 'niets te laat: overgeslagen' },
  'run.not-a-working-day': { en: 'not a working day', nl: 'geen werkdag' },
  'run.failed': { en: 'failed', nl: 'mislukt' },
  'delivery.people': { en: 'Chat identities', nl: 'Chat-identiteiten' },
  'delivery.people-intro': {
    en: 'People are linked by their e-mail address the first time they use Stempel in chat. Link someone whose address differs here.',
    nl: 'Mensen worden gekoppeld via hun e-mailadres zodra ze Stempel in de chat gebruiken. Koppel hier iemand wiens adres afwijkt.',
  },
  'delivery.person': { en: 'Person', nl: 'Persoon' },
  'delivery.identities': { en: 'Linked', nl: 'Gekoppeld' },
  'delivery.none-linked': { en: 'not linked', nl: 'niet gekoppeld' },
  'delivery.link': { en: 'Link', nl: 'Koppelen' },
  'delivery.slack-id': { en: 'Slack team id / user id (T…/U…)', nl: 'Slack team-id / gebruikers-id (T…/U…)' },
  'delivery.teams-id': { en: 'or Teams (Entra ID) object id', nl: 'of Teams-object-id (Entra ID)' },
  'delivery.linked': { en: 'Linked.', nl: 'Gekoppeld.' },
  'delivery.admins-only': {
    en: 'Only administrators see the chat delivery.',
    nl: 'Alleen beheerders zien de bezorging van berichten.',
  },
  'identity.acting-as': { en: 'Acting as', nl: 'Werkend als' },
  'identity.switch': { en: 'Switch', nl: 'Wissel' },
  'identity.pick-title': { en: 'Who are you today?', nl: 'Wie ben je vandaag?' },
  'identity.pick-intro': {
    en: 'This console only listens on this machine, so you may act as any active user — a quick way to see what each role may see and do.',
    nl: 'Deze console luistert alleen op deze machine, dus je kunt als elke actieve gebruiker werken — een snelle manier om te zien wat elke rol mag zien en doen.',
  },
  'identity.pick-button': { en: 'Continue', nl: 'Verder' },
  'identity.no-users': {
    en: 'There are no active users yet. Create one with: npm run cli -- user create',
    nl: 'Er zijn nog geen actieve gebruikers. Maak er een met: npm run cli -- user create',
  },
  'identity.admin': { en: 'administrator', nl: 'beheerder' },
  'identity.automatic': { en: 'automatic workflow', nl: 'automatische workflow' },
  'identity.no-roles': { en: 'no roles', nl: 'geen rollen' },
  'login.title': { en: 'Sign in', nl: 'Inloggen' },
  'login.intro': {
    en: 'This console is reachable from the network, so it asks who you are. Paste one of your API tokens (npm run cli -- token create).',
    nl: 'Deze console is vanaf het netwerk bereikbaar en vraagt daarom wie je bent. Plak een van je API-tokens (npm run cli -- token create).',
  },
  'login.token': { en: 'API token', nl: 'API-token' },
  'login.button': { en: 'Sign in', nl: 'Inloggen' },
  'login.failed': {
    en: 'That token is not valid: unknown, revoked or expired.',
    nl: 'Dat token is niet geldig: onbekend, ingetrokken of verlopen.',
  },
  'login.scope': {
    en: 'That token may not read actions: it needs the actions:read scope.',
    nl: 'Dat token mag geen acties lezen: het heeft de scope actions:read nodig.',
  },
  'login.inactive': { en: 'That user is not active.', nl: 'Die gebruiker is niet actief.' },
  'logout.button': { en: 'Sign out', nl: 'Uitloggen' },
  'chat.title': { en: 'Chat', nl: 'Chat' },
  'chat.conversation': { en: 'Conversation', nl: 'Gesprek' },
  'chat.command-label': { en: 'Command', nl: 'Commando' },
  'chat.send': { en: 'Send', nl: 'Verstuur' },
  'chat.hint': {
    en: 'Type a command such as /actie mine, or press one below. /actie help lists them all.',
    nl: 'Typ een commando zoals /actie mijn, of kies er hieronder een. /actie hulp toont ze allemaal.',
  },
  'chat.quick': { en: 'Quick commands', nl: 'Snelle commando’s' },
  'chat.you': { en: 'You', nl: 'Jij' },
  'chat.bot': { en: 'Stempel', nl: 'Stempel' },
  'chat.welcome': {
    en: 'Hello {name}. Your actions, notices and replies appear here.',
    nl: 'Hallo {name}. Je acties, meldingen en antwoorden verschijnen hier.',
  },
  'glance.notices': { en: 'Unread notices: {count}', nl: 'Ongelezen meldingen: {count}' },
  'glance.board': { en: 'Open the board →', nl: 'Naar het bord →' },
  'inbox.ack': { en: 'Mark read', nl: 'Gelezen' },
  'inbox.notice': { en: 'Notice', nl: 'Melding' },
  'inbox.channel': { en: 'in #{channel}', nl: 'in #{channel}' },
  'more.items': { en: '… and {count} more', nl: '… en nog {count}' },
  'more.items-at-least': { en: '… and more than {count} more', nl: '… en nog meer dan {count}' },
  'more.lines': {
    en: { one: '… (1 more line)', other: '… ({count} more lines)' },
    nl: { one: '… (nog 1 regel)', other: '… (nog {count} regels)' },
  },
  'board.title': { en: 'Actions board', nl: 'Actiebord' },
  'board.filters': { en: 'Filters', nl: 'Filters' },
  'board.state': { en: 'State', nl: 'Status' },
  'board.state.default': { en: 'To do (open, failed, rejected)', nl: 'Te doen (open, mislukt, afgewezen)' },
  'board.state.all': { en: 'All states', nl: 'Alle statussen' },
  'board.owner': { en: 'Owner', nl: 'Eigenaar' },
  'board.owner.anyone': { en: 'Anyone', nl: 'Iedereen' },
  'board.owner.me': { en: 'Me', nl: 'Ik' },
  'board.owner.none': { en: 'Nobody', nl: 'Niemand' },
  'board.colour': { en: 'Colour', nl: 'Kleur' },
  'board.any': { en: 'Any', nl: 'Alle' },
  'board.template': { en: 'Template', nl: 'Sjabloon' },
  'board.apply': { en: 'Show', nl: 'Toon' },
  'board.column-empty': { en: 'Nothing here.', nl: 'Niets.' },
  'board.result': { en: 'Result', nl: 'Resultaat' },
  'dossier.timeline': { en: 'Timeline', nl: 'Tijdlijn' },
  'dossier.facts': { en: 'Facts', nl: 'Gegevens' },
  'dossier.actions': { en: 'Actions ({count})', nl: 'Acties ({count})' },
  'dossier.participants': { en: 'Participants', nl: 'Deelnemers' },
  'timeline.today': { en: 'Today', nl: 'Vandaag' },
  'timeline.course': { en: 'Course days', nl: 'Cursusdagen' },
  'timeline.empty': { en: 'No actions on this dossier yet.', nl: 'Nog geen acties op dit dossier.' },
  'timeline.legend': { en: 'Legend', nl: 'Legenda' },
  'timeline.label': {
    en: {
      one: 'Timeline of 1 action, from {from} to {to}',
      other: 'Timeline of {count} actions, from {from} to {to}',
    },
    nl: {
      one: 'Tijdlijn van 1 actie, van {from} tot {to}',
      other: 'Tijdlijn van {count} acties, van {from} tot {to}',
    },
  },
  'error.csrf': {
    en: 'This page has expired; reload it and try again.',
    nl: 'Deze pagina is verlopen; laad haar opnieuw en probeer het nog eens.',
  },
  'error.scope': {
    en: 'Your token may not do this: it needs {scope}.',
    nl: 'Je token mag dit niet: het heeft {scope} nodig.',
  },
  'error.offline': {
    en: 'The console could not be reached. Try again.',
    nl: 'De console is niet bereikbaar. Probeer het opnieuw.',
  },
  'error.bad-request': { en: 'That request could not be read.', nl: 'Dat verzoek kon niet worden gelezen.' },
  'error.page-not-found': { en: 'There is no such page.', nl: 'Deze pagina bestaat niet.' },
  'error.dossier-not-found': { en: 'There is no dossier {id}.', nl: 'Er is geen dossier {id}.' },
  'error.not-local': {
    en: 'This console lets anyone pick a user, so it only answers requests to localhost on this machine. To use it from elsewhere or behind a proxy, set CONSOLE_REQUIRE_LOGIN=true and sign in with an API token.',
    nl: 'In deze console kan iedereen een gebruiker kiezen, dus hij beantwoordt alleen verzoeken aan localhost op deze machine. Wil je hem van elders of achter een proxy gebruiken, zet dan CONSOLE_REQUIRE_LOGIN=true en log in met een API-token.',
  },
  'error.picker-off': {
    en: 'Choosing a user is switched off here; sign in with a token.',
    nl: 'Een gebruiker kiezen kan hier niet; log in met een token.',
  },
} as const satisfies Record<string, Record<Locale, CatalogueText>>;

export type ConsoleTextKey = keyof typeof texts;

/** The whole catalogue, for the test that every text has both languages. */
export const CONSOLE_TEXTS: Readonly<Record<string, Record<Locale, CatalogueText>>> = texts;

export function consoleText(
  locale: Locale,
  key: ConsoleTextKey,
  params: Record<string, string | number> = {},
): string {
  return fill(texts[key][locale], params);
}
