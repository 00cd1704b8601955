import { afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';

/**
 * A minimal Chromium launcher for the shadow page's browser tests, until the shared
 * `test/helpers/browser.ts` is merged (then these tests switch to it).
 */
const open: Browser[] = [];

export async function openPage(loginUrl: string, hash: string): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  open.push(browser);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(loginUrl);
  await page.goto(`${new URL(loginUrl).origin}/${hash}`);
  return page;
}

afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});
