import { chromium, type Browser, type Page } from 'playwright';

// A minimal launcher for this branch's browser tests; the shared test/helpers/browser.ts (being
// written for the UI shell) replaces it when the branches meet.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function openUi(loginUrl: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  await page.goto(loginUrl);
  return { browser, page };
}
