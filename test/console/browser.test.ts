import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleRecords, seedConsoleRecords } from './fixtures.js';
import { type ConsoleHarness, startConsole } from './support.js';

/** Debian's Chromium (`apt-get install -y chromium`, listed in .ci/apt-packages); never a downloaded one. */
const CHROMIUM = '/usr/bin/chromium';

let consoleApp: ConsoleHarness;
let records: ConsoleRecords;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The console browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (CI installs what .ci/apt-packages lists).`,
    );
  }
  consoleApp = await startConsole('console_browser');
  records = await seedConsoleRecords(consoleApp.ws);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Shorter than the test timeout, so a missing element fails with its selector rather than a timeout.
  page.setDefaultTimeout(10_000);
  // Script errors on the page fail the test that caused them instead of passing unnoticed.
  page.on('pageerror', (error) => {
    throw error;
  });
});

afterAll(async () => {
  await browser?.close();
  await consoleApp?.close();
});

// Waits use locators, not page functions: the console's CSP forbids evaluating strings, and this project
// compiles without the DOM library.
const card = (actionId: string) => page.locator(`.card[data-action-id="${actionId}"]`);
const lastReply = () => page.locator('#conversation > li.msg-bot').last();

async function command(text: string): Promise<void> {
  const replies = await page.locator('#conversation > li.msg-bot').count();
  await page.fill('#command', text);
  await page.press('#command', 'Enter');
  await page.locator('#conversation > li.msg-bot').nth(replies).waitFor();
}

describe('the web console in Chromium', () => {
  it('lets a visitor pick a user to act as', async () => {
    await page.goto(consoleApp.url);
    expect(await page.locator('h1').textContent()).toBe('Who are you today?');
    await page.selectOption('#pick-user', 'u-planner');
    await page.click('button:has-text("Continue")');
    await page.waitForSelector('#command');
    expect(await page.locator('#conversation').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#conversation').textContent()).toContain('Hello Planner.');
    expect(await page.getAttribute('html', 'class')).not.toContain('no-js');
  });

  it('runs /actie mijn and /actie list from the command box', async () => {
    await command('/actie mijn');
    const mine = lastReply();
    expect(await mine.locator('h3').first().textContent()).toBe('My actions');
    expect(await page.locator('#conversation > li.msg-user').last().textContent()).toContain('/actie mijn');
    expect(
      await mine.locator(`.card[data-action-id="${records.lateAttendance.id}"]`).getAttribute('class'),
    ).toContain('colour-overdue');
    expect(
      await mine.locator(`.card[data-action-id="${records.publish.id}"]`).getAttribute('data-colour'),
    ).toBe('today');
    // The command box keeps the focus, ready for the next command.
    expect(await page.locator('#command:focus').count()).toBe(1);

    await command('/actie list');
    expect(await lastReply().locator('h3').first().textContent()).toBe('Actions');
    expect(await lastReply().locator('.card').count()).toBeGreaterThanOrEqual(5);
  });

  it('marks a manual action done with its button; every copy of its card follows', async () => {
    const overdue = page.locator('#glance .glance-item.colour-overdue .glance-count');
    const overdueBefore = Number(await overdue.textContent());
    expect(overdueBefore).toBeGreaterThan(0);
    const replies = await page.locator('#conversation > li.msg-bot').count();
    await lastReply()
      .locator(`.card[data-action-id="${records.lateAttendance.id}"] button[data-verb="done"]`)
      .click();
    await page.locator('#conversation > li.msg-bot').nth(replies).waitFor();
    expect(await lastReply().textContent()).toContain(`Action ${records.lateAttendance.number} is done.`);
    const copies = card(records.lateAttendance.id);
    expect(await copies.count()).toBeGreaterThanOrEqual(3);
    for (const state of await copies.evaluateAll((cards) =>
      cards.map((element) => element.getAttribute('data-state')),
    )) {
      expect(state).toBe('done');
    }
    expect(await copies.locator('button[data-verb="done"]').count()).toBe(0);
    expect((await consoleApp.ws.stores.actions.get(records.lateAttendance.id))?.state).toBe('done');
    // "My actions" beside the chat counts one overdue action less, without a reload.
    await page
      .locator('#glance .glance-item.colour-overdue .glance-count', { hasText: String(overdueBefore - 1) })
      .waitFor();
  });

  it('executes a semi-automatic action after showing its preview', async () => {
    await command(`/actie toon ${records.publish.number}`);
    await lastReply().locator('button[data-verb="execute"]').click();
    const declined = page.locator(`.view-preview[data-action-id="${records.publish.id}"]`).last();
    await declined.waitFor();
    expect(await declined.textContent()).toContain('no → yes');

    // No runs nothing: the card comes back with Execute on it, and the answered preview loses its buttons.
    const replies = await page.locator('#conversation > li.msg-bot').count();
    await declined.locator('button[data-verb="decline-execute"]').click();
    await page.locator('#conversation > li.msg-bot').nth(replies).waitFor();
    expect(await lastReply().textContent()).toContain(`Action ${records.publish.number} was not executed`);
    expect((await consoleApp.ws.stores.actions.get(records.publish.id))?.state).toBe('open');

    await lastReply().locator('button[data-verb="execute"]').click();
    const preview = page.locator(`.view-preview[data-action-id="${records.publish.id}"]`).nth(1);
    await preview.waitFor();
    expect((await consoleApp.ws.stores.actions.get(records.publish.id))?.state).toBe('open');
    const todayBefore = Number(
      await page.locator('#glance .glance-item.colour-today .glance-count').textContent(),
    );

    await preview.locator('button[data-verb="confirm-execute"]').click();
    await page
      .locator(`.card[data-action-id="${records.publish.id}"]:not([data-state="executed"])`)
      .first()
      .waitFor({ state: 'detached' });
    expect(await lastReply().textContent()).toContain(`Action ${records.publish.number} was executed`);
    // The preview's confirm button is spent: it disappears rather than invite a second run.
    expect(await preview.locator('button').count()).toBe(0);
    expect(await consoleApp.ws.stores.dossiers.get(records.futureCourseId)).toMatchObject({
      portalPublished: true,
    });
    await page
      .locator('#glance .glance-item.colour-today .glance-count', { hasText: String(todayBefore - 1) })
      .waitFor();
  });

  it('asks before cancelling, and does nothing when the answer is no', async () => {
    const target = records.attendance.id;
    await command(`/actie toon ${records.attendance.number}`);
    const cancel = lastReply().locator(`.card[data-action-id="${target}"] button[data-verb="cancel"]`);
    const dialog = page.waitForEvent('dialog');
    await Promise.all([dialog.then((shown) => shown.dismiss()), cancel.click()]);
    // A later command's reply comes back after anything the declined click could have sent.
    await command(`/actie toon ${records.attendance.number}`);
    expect((await consoleApp.ws.stores.actions.get(target))?.state).toBe('open');
  });

  it('shows the board by colour and updates it after a button press', async () => {
    await page.click('nav >> text=Board');
    await page.waitForSelector('#board');
    const columns = await page
      .locator('.column')
      .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-colour')));
    expect(columns).toEqual(['overdue', 'today', 'future']);
    // Done and executed actions have left the to-do board; the upcoming attendance list is where it belongs.
    expect(await page.locator(`.column .card[data-action-id="${records.lateAttendance.id}"]`).count()).toBe(
      0,
    );
    expect(await page.locator(`.column .card[data-action-id="${records.publish.id}"]`).count()).toBe(0);
    expect(
      await page.locator(`.column.colour-future .card[data-action-id="${records.attendance.id}"]`).count(),
    ).toBe(1);
    for (const colour of ['overdue', 'today', 'future']) {
      const classes = await page
        .locator(`.column.colour-${colour} .card`)
        .evaluateAll((cards) => cards.map((c) => c.className));
      for (const name of classes) expect(name).toContain(`colour-${colour}`);
    }

    await page.locator(`.card[data-action-id="${records.attendance.id}"] button[data-verb="done"]`).click();
    await page.locator('#board-result .view-text').waitFor();
    await page
      .locator(`#board .card[data-action-id="${records.attendance.id}"]`)
      .waitFor({ state: 'detached' });
    expect(await page.locator('#board-result').textContent()).toContain(
      `Action ${records.attendance.number} is done.`,
    );
  });

  it('filters the board through the query string', async () => {
    await page.selectOption('#filter-state', 'all');
    await page.click('.filters button[type="submit"]');
    await page.waitForURL(/state=all/);
    expect(
      await page.locator(`.column.colour-closed .card[data-action-id="${records.publish.id}"]`).count(),
    ).toBe(1);
  });

  it('draws the dossier timeline of a course from a card’s record link', async () => {
    await page.locator(`.card[data-action-id="${records.publish.id}"] a.record-link`).click();
    await page.waitForSelector('svg.timeline');
    expect(await page.locator('h1').textContent()).toContain('Workshop basics');
    expect(await page.locator('svg.timeline .today-line').count()).toBe(1);
    expect(await page.locator('svg.timeline rect.bar').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('svg.timeline rect.bar.state-executed').count()).toBe(1);
    const hover = await page
      .locator(`svg.timeline g.row[data-number="${records.publish.number}"] > title`)
      .textContent();
    expect(hover).toContain('Publish Workshop basics on the portal');
    expect(await page.locator('.facts-panel').textContent()).toMatch(/On the portal\s*yes/i);
  });

  it('has a favicon the page links and the console serves', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/console/static/favicon.svg');
    const icon = await page.request.get(new URL(href!, consoleApp.url).toString());
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  it('fits a 390 px wide phone without scrolling sideways on every page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = async (path: string) => {
      await page.goto(new URL(path, consoleApp.url).toString());
      await page.locator('main').waitFor();
      return page
        .locator('html')
        .evaluate(
          (root) => (root.ownerDocument.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY) - 390,
        );
    };
    await page.goto(consoleApp.url);
    await command(`/actie toon ${records.attendance.number}`);
    expect(
      await page.locator('html').evaluate((root) => root.ownerDocument.scrollingElement?.scrollWidth),
    ).toBeLessThanOrEqual(390);
    expect(await overflow('/console/board?state=all')).toBeLessThanOrEqual(0);
    expect(await overflow(`/console/dossiers/${records.futureCourseId}`)).toBeLessThanOrEqual(0);
    await page.goto(consoleApp.url);
    await page.selectOption('#identity-user', 'u-admin');
    await page.locator('#conversation >> text=Hello Admin.').waitFor();
    expect(await overflow('/console/delivery')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to another user from the header', async () => {
    await page.goto(consoleApp.url);
    await page.selectOption('#identity-user', 'u-sales');
    await page.locator('#conversation >> text=Hello Sales.').waitFor();
    expect(await page.locator('#identity-user').inputValue()).toBe('u-sales');
  });
});
