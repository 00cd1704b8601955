import { afterAll, afterEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

/**
 * Browser tests: Debian's chromium driven by the playwright library against headless Herald.
 * One browser per test file (closed after it), one fresh context per page (closed after each test).
 *
 *   const s = await startTestServer();
 *   const { page, problems } = await openHerald(s.server);
 *   await page.getByTestId('nav-logs').click();
 *   expect(problems).toEqual([]);
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return browser;
}

/** A fresh browser context (no cookies: not logged in), as an office PC's browser would be. */
export async function newContext(): Promise<BrowserContext> {
  const context = await (await launchBrowser()).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  // Report Content-Security-Policy violations as console errors, which `problems` collects.
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return context;
}

export interface HeraldPage {
  page: Page;
  /** Console errors, uncaught page errors and CSP violations seen so far: a healthy page has none. */
  problems: string[];
}

/** A page on Herald's UI, logged in through the server's login URL and showing its first page. */
export async function openHerald(server: { loginUrl: string }): Promise<HeraldPage> {
  const page = await (await newContext()).newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // An API call answered with an error status is logged by Chromium as a failed resource; the
    // page shows those errors itself, and tests assert what it shows.
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource') && message.location().url.includes('/api/')) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.loginUrl);
  await page.getByTestId('page-title').waitFor();
  return { page, problems };
}

/** Goes to one of the pages in the navigation and waits for its title. */
export async function goToPage(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
  await page.waitForURL(new RegExp(`#/${key}$`));
}

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  browser = undefined;
});
