import type { DeliveryRecord, DeliveryTarget } from '../../../src/delivery/records.js';
import type { DigestSubscription } from '../../../src/domain/digests/subscription.js';
import type { ChatIdentity, UserRecord } from '../../../src/domain/rights/user.js';
import { formatMoment } from '../../../src/i18n/messages.js';
import { explainReason } from '../delivery-reasons.js';
import type { RenderContext } from '../render/context.js';
import { clip, html, type SafeHtml } from '../render/html.js';
import { consoleText } from '../texts.js';
import { type IdentityBar, renderPage } from './layout.js';

export interface DeliveryPageData {
  targets: DeliveryTarget[];
  failed: DeliveryRecord[];
  people: UserRecord[];
  digests: Array<DigestSubscription & { nextRunAt?: Date }>;
  timeZone: string;
  notice?: string;
}

function identityText(identity: ChatIdentity): string {
  return identity.platform === 'slack'
    ? `Slack ${identity.teamId}/${identity.userId}`
    : `Teams ${identity.aadObjectId}`;
}

function digestSection(
  digests: DeliveryPageData['digests'],
  context: RenderContext,
  timeZone: string,
): SafeHtml {
  const t = (key: Parameters<typeof consoleText>[1]) => consoleText(context.locale, key);
  if (digests.length === 0)
    return html`<h2>${t('delivery.digests')}</h2><p class="empty">${t('delivery.no-digests')}</p>`;
  return html`<h2>${t('delivery.digests')}</h2>
<table class="delivery"><thead><tr><th>${t('delivery.conversation')}</th><th>${t('delivery.schedule')}</th><th>${t('delivery.next-run')}</th><th>${t('delivery.last-run')}</th></tr></thead>
<tbody>${digests.map(
    (digest) => html`<tr><td>${digest.addressLabel}</td>
<td>${digest.schedule.label ?? digest.schedule.cron} (${digest.schedule.timeZone})</td>
<td>${digest.nextRunAt ? when(digest.nextRunAt, context, digest.schedule.timeZone) : '—'}</td>
<td>${
      digest.lastRun
        ? html`${when(digest.lastRun.at, context, timeZone)}: ${t(`run.${digest.lastRun.outcome}`)}${digest.lastRun.reason ? ` (${digest.lastRun.reason})` : ''}`
        : '—'
    }</td></tr>`,
  )}</tbody></table>`;
}

function peopleSection(people: readonly UserRecord[], context: RenderContext): SafeHtml {
  const t = (key: Parameters<typeof consoleText>[1]) => consoleText(context.locale, key);
  return html`<h2>${t('delivery.people')}</h2>
<p class="intro">${t('delivery.people-intro')}</p>
<table class="delivery"><thead><tr><th>${t('delivery.person')}</th><th>${t('delivery.identities')}</th></tr></thead>
<tbody>${people.map(
    (person) => html`<tr><td>${person.name}<br>${person.email ?? ''}</td>
<td>${person.chatIdentities.length === 0 ? t('delivery.none-linked') : person.chatIdentities.map(identityText).join(', ')}</td></tr>`,
  )}</tbody></table>
<form class="form link-identity" method="post" action="${context.basePath}/delivery/link">
<input type="hidden" name="csrf" value="${context.csrfToken}">
<div class="field"><label for="link-user">${t('delivery.person')}</label>
<select id="link-user" name="userId" required>${people.map((person) => html`<option value="${person.id}">${person.name}</option>`)}</select></div>
<div class="field"><label for="link-slack">${t('delivery.slack-id')}</label><input id="link-slack" name="slack" type="text" placeholder="T0123ABCD/U0456EFGH"></div>
<div class="field"><label for="link-teams">${t('delivery.teams-id')}</label><input id="link-teams" name="teams" type="text"></div>
<button type="submit" class="btn btn-primary">${t('delivery.link')}</button>
</form>`;
}

function when(date: Date, context: RenderContext, timeZone: string): string {
  return formatMoment(date, context.locale, timeZone);
}

/** A recorded reason, explained in the admin's language when Stempel knows it, with the original below. */
function reason(text: string, context: RenderContext): SafeHtml {
  const explained = explainReason(text, context.locale);
  return explained ? html`${explained}<br><code>${text}</code>` : html`${text}`;
}

function targetRow(target: DeliveryTarget, context: RenderContext, timeZone: string): SafeHtml {
  const t = (key: Parameters<typeof consoleText>[1]) => consoleText(context.locale, key);
  return html`<tr${target.broken ? html` class="broken"` : ''}>
<td>${target.label}<br><code>${target.id}</code></td>
<td>${target.platform}</td>
<td>${target.broken ? html`<strong>${reason(target.broken.reason, context)}</strong><br>${t('delivery.since')} ${when(target.broken.at, context, timeZone)}` : target.lastError ? html`${t('delivery.last-error')}: ${reason(target.lastError.reason, context)}` : '—'}</td>
<td>${String(target.sent)}</td>
<td>${String(target.failed)}</td>
<td>${
    target.broken &&
    html`<form method="post" action="${context.basePath}/delivery/clear">
<input type="hidden" name="csrf" value="${context.csrfToken}"><input type="hidden" name="key" value="${target.id}">
<button type="submit" class="btn btn-primary">${t('delivery.clear')}</button></form>`
  }</td>
</tr>`;
}

function targetTable(targets: readonly DeliveryTarget[], context: RenderContext, timeZone: string): SafeHtml {
  const t = (key: Parameters<typeof consoleText>[1]) => consoleText(context.locale, key);
  return html`<table class="delivery"><thead><tr><th>${t('delivery.conversation')}</th><th>${t('delivery.platform')}</th><th>${t('delivery.reason')}</th><th>${t('delivery.sent')}</th><th>${t('delivery.failures')}</th><th></th></tr></thead>
<tbody>${targets.map((target) => targetRow(target, context, timeZone))}</tbody></table>`;
}

/**
 * The administrators' view of the chat delivery (docs/delivery.md): broken conversations first, with
 * why and since when and a button to clear the mark, then every conversation and the failed messages.
 */
export function renderDeliveryPage(
  data: DeliveryPageData,
  context: RenderContext,
  identity: IdentityBar,
): string {
  const t = (key: Parameters<typeof consoleText>[1]) => consoleText(context.locale, key);
  const broken = data.targets.filter((target) => target.broken);
  const main = html`<section class="delivery-page"><h1>${t('delivery.title')}</h1>
<p class="intro">${t('delivery.intro')}</p>
${data.notice && html`<p class="notice" role="status">${data.notice}</p>`}
<h2>${t('delivery.broken')}</h2>
${broken.length === 0 ? html`<p class="empty">${t('delivery.none-broken')}</p>` : targetTable(broken, context, data.timeZone)}
<h2>${t('delivery.failed')}</h2>
${
  data.failed.length === 0
    ? html`<p class="empty">${t('delivery.none-failed')}</p>`
    : html`<table class="delivery"><thead><tr><th>${t('delivery.conversation')}</th><th>${t('delivery.message')}</th><th>${t('delivery.reason')}</th><th>${t('delivery.attempts')}</th></tr></thead>
<tbody>${data.failed.map(
        (
          delivery,
        ) => html`<tr><td>${delivery.address.label}<br>${when(delivery.createdAt, context, data.timeZone)}</td>
<td>${delivery.content.type === 'notice' ? clip(delivery.content.text, 200) : delivery.content.type}</td>
<td>${delivery.lastError ? reason(delivery.lastError, context) : '—'}</td><td>${String(delivery.attempts)}</td></tr>`,
      )}</tbody></table>`
}
<h2>${t('delivery.all')}</h2>
${targetTable(data.targets, context, data.timeZone)}
${digestSection(data.digests, context, data.timeZone)}
${peopleSection(data.people, context)}
</section>`;
  return renderPage({ context, title: t('delivery.title'), page: 'delivery', identity }, main);
}
