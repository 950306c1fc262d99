import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import { buildDashboard } from '../../scripts/build-dashboard';
import { DEMO_ADMIN_TOKEN, DEMO_OWNER_TOKEN } from '../../src/demo/seed';
import {
  CampaignListDocument,
  CampaignStateDocument,
  IssueApiTokenDocument,
  RecordEventsDocument,
  RevokeApiTokenDocument,
  ViewerDocument,
  type EventInput,
} from '../generated/graphql';
import { createBusiness, createUser, startServer, type TestServer } from '../support/server';

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core, against the real
 * server with the demo data. Events are recorded through the public API while the page is open.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'dashboard');

let server: TestServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  await buildDashboard();
  // No built-in traffic: every number that moves on the page moves because this test recorded it.
  server = await startServer({ env: { DEMO_DATA: 'true', DEMO_TRAFFIC: 'false' } });
  origin = new URL(server.url).origin;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Tab {
  context: BrowserContext;
  page: Page;
  /** Every address the page asked for: documents, scripts, styles, fetches and WebSockets. */
  requested: string[];
  problems: string[];
}

async function openDashboard(prepare?: (context: BrowserContext) => Promise<void>): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  await prepare?.(context);
  const page = await context.newPage();
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs the 401 of a refused token itself; anything else (a CSP violation, an exception) is a defect.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${origin}/dashboard`);
  return { context, page, requested, problems };
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Nothing from another host, no script error, no policy violation. */
function expectSelfContained(tab: Tab): void {
  const foreign = tab.requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== new URL(origin).host);
  expect(foreign).toEqual([]);
  expect(tab.problems).toEqual([]);
}

/** Waits until `read` returns what `accept` wants, polling; fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const textOf = (locator: Locator) =>
  locator
    .first()
    .innerText({ timeout: 1_000 })
    .then((text) => text.trim());
const hasText = (locator: Locator, expected: string, timeoutMs?: number) =>
  eventually(
    () => textOf(locator),
    (text) => text === expected,
    `text ${expected}`,
    timeoutMs,
  );
const containsText = (locator: Locator, part: string) =>
  eventually(
    () => textOf(locator),
    (text) => text.includes(part),
    `text containing ${part}`,
  );
const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });

function campaignRow(page: Page, name: string) {
  return page.locator('table.campaigns tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function numberIn(page: Page, selector: string): Promise<number> {
  const text = await page.locator(selector).first().innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}

async function campaignIdByName(name: string): Promise<string> {
  const { campaigns } = await server.client(DEMO_OWNER_TOKEN).request(CampaignListDocument, { first: 50 });
  const found = campaigns.edges.find((edge) => edge.node.name === name);
  if (!found) throw new Error(`no demo campaign named ${name}`);
  return found.node.id;
}

let eventCounter = 0;
async function recordImpressions(campaignId: string, impressions: number, clicks: number): Promise<void> {
  const now = new Date().toISOString();
  const events: EventInput[] = [];
  for (let i = 0; i < impressions; i += 1)
    events.push({ id: `browser-${eventCounter++}`, campaignId, type: 'IMPRESSION', occurredAt: now, channel: 'IN_APP_AD' });
  for (let i = 0; i < clicks; i += 1) events.push({ id: `browser-${eventCounter++}`, campaignId, type: 'CLICK', occurredAt: now, channel: 'IN_APP_AD' });
  const { recordEvents } = await server.client(DEMO_OWNER_TOKEN).request(RecordEventsDocument, { events });
  if (recordEvents.__typename !== 'MutationRecordEventsSuccess' || recordEvents.data.accepted !== events.length) {
    throw new Error(`recordEvents did not accept every event: ${JSON.stringify(recordEvents)}`);
  }
}

describe('the dashboard in Chromium', () => {
  it('refuses a wrong token with the sign-in error, and keeps nothing', async () => {
    const tab = await openDashboard();
    await signIn(tab.page, 'cg_not_a_token_anyone_issued');
    await containsText(tab.page.locator('#sign-in-error'), 'not valid');
    expect(await tab.page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await tab.page.locator('table.campaigns').count()).toBe(0);
    await tab.page.screenshot({ path: join(ARTIFACTS, 'sign-in-error.png') });
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('signs in with the demo token, shows the demo campaigns, and moves the numbers live as events are recorded', async () => {
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, DEMO_OWNER_TOKEN);
    await page.getByLabel('Business').selectOption({ label: 'Blue Bottle Café (Berlin)' });
    const brunch = campaignRow(page, 'Weekend brunch coupons');
    await visible(brunch);
    await visible(campaignRow(page, 'Summer terrace'));
    await visible(campaignRow(page, 'Loyalty card relaunch'));
    await hasText(page.locator('.connection'), 'Live');

    // The token sits in session storage and in headers only: never in an address.
    expect(await page.evaluate(() => sessionStorage.getItem('campaign-graph.token'))).toBe(DEMO_OWNER_TOKEN);
    expect(tab.requested.filter((url) => url.includes(DEMO_OWNER_TOKEN))).toEqual([]);
    expect(page.url()).not.toContain(DEMO_OWNER_TOKEN);

    // A mark on the window: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    const impressionsBefore = await numberIn(page, 'table.campaigns tr:has-text("Weekend brunch coupons") td.impressions');
    const clicksBefore = await numberIn(page, 'table.campaigns tr:has-text("Weekend brunch coupons") td.clicks');
    const todayBefore = await numberIn(page, '.card[data-metric="Impressions"] .card-value');
    const brunchId = await campaignIdByName('Weekend brunch coupons');
    await recordImpressions(brunchId, 7, 2);
    const recordedAt = Date.now();
    await hasText(brunch.locator('td.impressions'), (impressionsBefore + 7).toLocaleString('en-US'));
    const latencyMs = Date.now() - recordedAt;
    await hasText(brunch.locator('td.clicks'), (clicksBefore + 2).toLocaleString('en-US'));
    // Today's totals follow (from `trends`, read again after the dashboard subscription moves).
    await hasText(page.locator('.card[data-metric="Impressions"] .card-value'), (todayBefore + 7).toLocaleString('en-US'));
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    process.stdout.write(`dashboard: an event recorded through the API showed in the campaign table ${latencyMs} ms after recordEvents returned\n`);

    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'overview-phone.png'), fullPage: true });
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('pauses and resumes from the table: the page and the server agree', async () => {
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, DEMO_OWNER_TOKEN);
    await page.getByLabel('Business').selectOption({ label: 'Blue Bottle Café (Berlin)' });
    const brunch = campaignRow(page, 'Weekend brunch coupons');
    const brunchId = await campaignIdByName('Weekend brunch coupons');

    await brunch.getByRole('button', { name: 'Pause' }).click();
    await hasText(brunch.locator('td.status'), 'Paused');
    await visible(brunch.getByRole('button', { name: 'Resume' }));
    expect(await brunch.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    const paused = await server.client(DEMO_OWNER_TOKEN).request(CampaignStateDocument, { id: brunchId });
    expect(paused.campaign?.status).toBe('PAUSED');

    await brunch.getByRole('button', { name: 'Resume' }).click();
    await hasText(brunch.locator('td.status'), 'Active');
    const resumed = await server.client(DEMO_OWNER_TOKEN).request(CampaignStateDocument, { id: brunchId });
    expect(resumed.campaign?.status).toBe('ACTIVE');
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('opens a campaign page with live counters, funnel, breakdowns, budget ledger and history', async () => {
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, DEMO_OWNER_TOKEN);
    await page.getByLabel('Business').selectOption({ label: 'Blue Bottle Café (Berlin)' });
    await page.getByRole('link', { name: 'Weekend brunch coupons', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Weekend brunch coupons' }));
    await eventually(
      () => page.locator('.funnel-step').count(),
      (n) => n === 4,
      'four funnel steps',
    );
    await visible(page.getByRole('heading', { name: 'By placement' }));
    await visible(page.locator('table.ledger tbody tr').first());
    await visible(page.locator('.history li'));

    const before = await numberIn(page, '.counters .card[data-metric="Impressions"] .card-value');
    await recordImpressions(await campaignIdByName('Weekend brunch coupons'), 3, 0);
    await hasText(page.locator('.counters .card[data-metric="Impressions"] .card-value'), (before + 3).toLocaleString('en-US'));
    await hasText(page.locator('.funnel-step[data-stage="Impressions"] .funnel-count'), (before + 3).toLocaleString('en-US'));
    await page.screenshot({ path: join(ARTIFACTS, 'campaign.png'), fullPage: true });
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('gives admins the approval queue: approving takes the campaign out of it', async () => {
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, DEMO_ADMIN_TOKEN);
    await page.getByRole('link', { name: 'Approval queue' }).click();
    const tasting = page.locator('.queue-item').filter({ hasText: 'Tasting evening' });
    await visible(tasting);
    await page.screenshot({ path: join(ARTIFACTS, 'approvals.png'), fullPage: true });

    // Rejecting needs a reason: the form says so and changes nothing.
    await tasting.getByRole('button', { name: 'Reject' }).click();
    await containsText(page.locator('.status-line.error'), 'Say why');
    await tasting.getByRole('button', { name: 'Approve' }).click();
    await containsText(page.locator('.status-line[role="status"]'), 'Tasting evening approved');
    await visible(page.getByText('Nothing to review'));
    const tastingId = await campaignIdByName('Tasting evening');
    const approved = await server.client(DEMO_ADMIN_TOKEN).request(CampaignStateDocument, { id: tastingId });
    expect(['SCHEDULED', 'ACTIVE']).toContain(approved.campaign?.status);
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('sends a session whose token is revoked back to sign-in', async () => {
    const { viewer } = await server.client(DEMO_OWNER_TOKEN).request(ViewerDocument);
    const { issueApiToken } = await server.client(DEMO_ADMIN_TOKEN).request(IssueApiTokenDocument, { userId: viewer!.id, label: 'browser test' });
    if (issueApiToken.__typename !== 'MutationIssueApiTokenSuccess') throw new Error(JSON.stringify(issueApiToken));
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, issueApiToken.data.token);
    await visible(page.locator('table.campaigns'));

    await server.client(DEMO_ADMIN_TOKEN).request(RevokeApiTokenDocument, { tokenId: issueApiToken.data.tokenId });
    // The next thing the page asks for is refused; a view change asks again.
    await eventually(
      async () => {
        if ((await page.locator('#sign-in-error').count()) === 0) {
          await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
          await page.waitForTimeout(500);
        }
        return page.locator('#sign-in-error').count();
      },
      (count) => count === 1,
      'back at sign-in',
    );
    await containsText(page.locator('#sign-in-error'), 'session has ended');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('shows a lost connection, retries, and catches up with what happened meanwhile when it is back', async () => {
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    // Between the page and the server: passes the socket through, or refuses it while "offline".
    const tab = await openDashboard((context) =>
      context.routeWebSocket(/\/graphql$/, (socket) => {
        if (offline) {
          void socket.close({ code: 1001, reason: 'offline' });
          return;
        }
        socket.connectToServer();
        sockets.push(socket);
      }),
    );
    const { page } = tab;
    await signIn(page, DEMO_OWNER_TOKEN);
    await page.getByLabel('Business').selectOption({ label: 'Blue Bottle Café (Berlin)' });
    const brunch = campaignRow(page, 'Weekend brunch coupons');
    await visible(brunch);
    await hasText(page.locator('.connection'), 'Live');
    const before = await numberIn(page, 'table.campaigns tr:has-text("Weekend brunch coupons") td.impressions');

    offline = true;
    for (const socket of sockets.splice(0)) await socket.close({ code: 1001, reason: 'network lost' });
    await containsText(page.locator('.banner'), 'reconnecting');
    expect(await page.locator('.connection').getAttribute('data-state')).toBe('lost');
    // Published while nobody listens: Redis pub/sub loses it, the snapshot after the reconnect does not.
    await recordImpressions(await campaignIdByName('Weekend brunch coupons'), 4, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'connection-lost.png') });

    offline = false;
    await hasText(page.locator('.connection'), 'Live', 30_000);
    expect(await page.locator('.banner').isHidden()).toBe(true);
    await hasText(brunch.locator('td.impressions'), (before + 4).toLocaleString('en-US'));
    expectSelfContained(tab);
    await tab.context.close();
  });

  it('says so when there is no business, and when a business has no campaigns yet', async () => {
    const newcomer = await createUser(server, 'BUSINESS_OWNER', 'newcomer');
    const tab = await openDashboard();
    const { page } = tab;
    await signIn(page, newcomer.token);
    await visible(page.getByText('No business yet'));
    await createBusiness(server, newcomer.token, { name: 'Empty Shop' });
    await page.reload();
    await visible(page.getByText('No campaigns yet'));
    await visible(page.getByText('No budget alerts'));
    expect(await page.evaluate(() => sessionStorage.getItem('campaign-graph.token'))).toBe(newcomer.token);
    await page.screenshot({ path: join(ARTIFACTS, 'empty.png'), fullPage: true });
    expectSelfContained(tab);
    await tab.context.close();
  });
});
