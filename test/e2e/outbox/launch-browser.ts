import { afterEach } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';

// A minimal local launcher for the outbox's browser tests (the shared test/helpers/browser.ts was
// not in this branch yet): Debian's chromium with the flags the guide prescribes.
const browsers: Browser[] = [];
afterEach(async () => {
  for (const b of browsers.splice(0)) await b.close();
});

export async function openLoggedIn(loginUrl: string, hash: string): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  browsers.push(browser);
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(loginUrl);
  await page.goto(`${new URL(loginUrl).origin}/#/${hash}`);
  return page;
}
