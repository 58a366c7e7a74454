/**
 * Screenshots of the web console for the README and docs/console.md: the example workspace (src/seed) on
 * the embedded database, one due-sweep run so the automatic actions have executed and owners have their
 * notices, then headless Chromium at 1280×800.
 *
 *   npx tsx scripts/console-screenshot.ts        (needs Debian's chromium: apt-get install -y chromium)
 *
 * The clock is fixed on a Tuesday morning, so the pictures do not depend on the day they are taken.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MongoClient } from 'mongodb';
import { chromium, type Page } from 'playwright-core';
import { ConsoleInbox } from '../adapters/console/inbox.js';
import { consoleRouter } from '../adapters/console/routes.js';
import { type ChatDeliveryStack, createChatDelivery } from '../src/chat-delivery.js';
import { createLogger } from '../src/observability/logger.js';
import { seedExampleWorkspace } from '../src/seed/index.js';
import { createServiceDeps, offlineExecutionPorts, workspaceDefaults } from '../src/service-deps.js';
import { resolveDatabase } from '../src/store/database.js';
import { runDueSweep } from '../src/workflow/execution/due-sweep.js';

const NOW = new Date('2026-11-10T10:20:00+01:00');
const VIEWPORT = { width: 1280, height: 800 };
const OUT = 'docs/images';

async function actAs(page: Page, url: string, email: string, userId: string): Promise<void> {
  await page.goto(url);
  const picker = (await page.locator('#pick-user').count()) > 0 ? '#pick-user' : '#identity-user';
  await page.selectOption(picker, userId);
  if (picker === '#pick-user') await page.click('button[type="submit"].btn-primary');
  await page.locator('#command').waitFor();
  console.log(`acting as ${email}`);
}

async function main(): Promise<void> {
  const logger = createLogger({ level: 'warn' });
  const database = await resolveDatabase({ fallback: 'embedded', logger });
  const client = new MongoClient(database.uri);
  await client.connect();
  const db = client.db('stempel_screenshot');
  const inbox = new ConsoleInbox(db, () => NOW);
  await inbox.ensureIndexes();
  const offline = offlineExecutionPorts();
  let delivery: ChatDeliveryStack | undefined;
  const deps = await createServiceDeps(db, {
    logger,
    defaults: workspaceDefaults({ DEFAULT_TIME_ZONE: 'Europe/Amsterdam', DEFAULT_LOCALE: 'nl' }),
    clock: () => NOW,
    execution: (workflow) => {
      delivery = createChatDelivery(workflow, { platforms: [inbox] });
      return { ...offline, processes: { ...offline.processes, chat: delivery.outbox } };
    },
  });
  const { execution } = deps;
  const seeded = await seedExampleWorkspace(deps.workflow, { logger, now: NOW });
  if (!seeded.seeded) throw new Error(`seeding failed: ${seeded.reason} ${seeded.error ?? ''}`);
  await runDueSweep(deps.workflow, execution);
  await delivery!.worker.runOnce();

  const app = express();
  app.use(
    '/console',
    consoleRouter({
      deps: deps.workflow,
      execution,
      logger,
      requireLogin: false,
      sessionSecret: 'screenshot-session-secret-0123456789abcdef',
      inbox,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/console`;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const bram = (await deps.workflow.stores.users.findByEmail('bram@debrug.example'))!;
    const ans = (await deps.workflow.stores.users.findByEmail('ans@debrug.example'))!;

    // The chat surface: Bram's notices from the sweep, then his own actions.
    await actAs(page, url, bram.email!, bram.id);
    await page.fill('#command', '/actie mijn');
    await page.press('#command', 'Enter');
    await page.locator('#conversation > li.msg-bot .view-list').waitFor();
    // Start the picture at the command, so the reply's cards fill it; the notices are above.
    await page.evaluate(
      "[...document.querySelectorAll('#conversation > li.msg-user')].pop().scrollIntoView()",
    );
    await page.screenshot({ path: `${OUT}/console.png` });

    // The board, as the administrator who sees every action.
    await actAs(page, url, ans.email!, ans.id);
    await page.goto(`${url}/board`);
    await page.screenshot({ path: `${OUT}/board.png` });

    // The timeline of the course with the most going on: overdue, due today and done, for four participants.
    const courses = await deps.workflow.stores.dossiers.list({ group: 'course', limit: 20, skip: 0 });
    const course = courses.items.find(
      (record) => record.group === 'course' && record.name === 'BHV herhaling Bouwbedrijf Van Dijk',
    );
    if (!course) throw new Error('the example course BHV herhaling Bouwbedrijf Van Dijk is missing');
    await page.goto(`${url}/dossiers/${course.id}`);
    await page.screenshot({ path: `${OUT}/timeline.png` });
    console.log(`saved ${OUT}/console.png, ${OUT}/board.png and ${OUT}/timeline.png`);
  } finally {
    await browser.close();
    server.close();
    await client.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
