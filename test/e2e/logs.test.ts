import { describe, expect, it } from 'vitest';
import { goToPage, openHerald } from '../helpers/browser.js';
import { startTestServer } from '../helpers/headless.js';
import { createLogger } from '../../main/logging/logger.js';

describe('Logs page in a browser', () => {
  it('shows a line the core logs after the page loaded, live', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'logs');
    const table = page.getByTestId('log-table');
    await expect.poll(() => table.textContent()).toContain('Headless mode ready');
    const marker = `live-line-${Date.now()}`;
    createLogger('e2e').warn(marker, { run: 42 });
    await expect.poll(() => table.textContent()).toContain(marker);
    const row = page.locator('tr', { hasText: marker });
    expect(await row.textContent()).toContain('警告');
    expect(await row.textContent()).toContain('{"run":42}');
    expect(problems).toEqual([]);
  });

  it('filters by level: debug lines appear only once the debug level is chosen', async () => {
    const s = await startTestServer();
    await s.call('settings.set', { logLevel: 'debug' });
    const { page } = await openHerald(s.server);
    await goToPage(page, 'logs');
    const table = page.getByTestId('log-table');
    await expect.poll(() => table.textContent()).toContain('Headless mode ready');
    const marker = `debug-line-${Date.now()}`;
    createLogger('e2e').debug(marker);
    createLogger('e2e').info(`${marker}-info`);
    await expect.poll(() => table.textContent()).toContain(`${marker}-info`);
    // Only the info line (its text starts with the marker): the debug one is filtered out.
    expect(await page.locator('tr', { hasText: marker }).count()).toBe(1);
    await page.getByTestId('log-level').getByText('调试').click();
    await expect.poll(() => page.locator('tr', { hasText: marker }).count()).toBe(2);
  });
});
