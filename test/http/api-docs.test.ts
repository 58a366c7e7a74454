import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApi } from './support/api.js';

/** Debian's Chromium, as for the console's browser tests (.ci/apt-packages installs it). */
const CHROMIUM = '/usr/bin/chromium';

let api: ApiHarness;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The API reference page test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  api = await startApi('http_api_docs');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('GET /api/docs', () => {
  it('is a page of this origin only: strict CSP, scripts and styles served by the bot itself', async () => {
    const response = await fetch(`${api.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith('/api/docs/'), source).toBe(true);
      const asset = await fetch(`${api.url}${source}`);
      expect(asset.status, source).toBe(200);
    }
    expect(html).not.toMatch(/<script>[^<]/);
    expect((await fetch(`${api.url}/api/docs/package.json`)).status).toBe(404);
  });

  it('renders every operation of /api/openapi.json in Chromium without a CSP violation or a request elsewhere', async () => {
    const document = (await api.request('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operationCount = Object.values(document.paths).reduce(
      (count, item) => count + Object.keys(item).length,
      0,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(api.url) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    await page.goto(`${api.url}/api/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.opblock').count()).toBe(operationCount);
    expect(await page.locator('.info .title').textContent()).toContain('Stempel API');
    expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/templates');
    // Swagger UI shows what it cannot read of the document as error boxes above the operations.
    expect(await page.locator('.errors-wrapper').count()).toBe(0);
    await page.close();
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
