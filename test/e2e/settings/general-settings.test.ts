import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { goToPage, openHerald } from '../../helpers/browser.js';

describe('Settings → General', () => {
  it('sets how long sent messages and run history are kept', async () => {
    const s = await startTestServer();
    await s.call('settings.set', { language: 'en' });
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    // antd puts the test id on the <input> itself or on its wrapper, depending on the version.
    const field = (key: string) => page.locator(`input[data-testid="setting-${key}"], [data-testid="setting-${key}"] input`);
    const messages = field('messageRetentionDays');
    await expect.poll(() => messages.inputValue()).toBe('180');
    await messages.fill('90');
    await messages.blur();
    await expect.poll(async () => (await s.call('settings.get')).messageRetentionDays).toBe(90);
    const runs = field('runRetentionDays');
    await runs.fill('30');
    await runs.blur();
    await expect.poll(async () => (await s.call('settings.get')).runRetentionDays).toBe(30);
    expect(await page.locator('.ant-descriptions').innerText()).toContain('Keep sent messages (days)');
    expect(problems).toEqual([]);
  }, 60_000);
});
