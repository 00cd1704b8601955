import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { startFakeWecom } from '../../helpers/fake-wecom.js';
import { goToPage, openHerald } from '../../helpers/browser.js';


describe('Settings → Channels test send', () => {
  it('sends a test message through the outbox to the chosen recipient and shows it in the Outbox', async () => {
    const fake = await startFakeWecom();
    const s = await startTestServer();
    await s.call('settings.set', { language: 'en' });
    await s.call('channels.update', { type: 'GROUP_BOT', settings: { baseUrl: fake.robotUrl } });
    await s.call('recipients.save', { id: 'bj-ops-group', name: 'Beijing operations', route: [{ channel: 'GROUP_BOT', address: 'settings-key-0003' }] });

    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByTestId('tab-channels').click();
    await page.getByTestId('test-send-GROUP_BOT').click();
    const modal = page.getByTestId('test-send-modal');
    await modal.getByTestId('test-recipient').click();
    await page.locator('.ant-select-item-option', { hasText: 'Beijing operations' }).click();
    await modal.getByTestId('test-text').fill('Hello from Settings 你好');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toMatch(/Test message is in the outbox: MSG\d{20}/);
    await expect.poll(() => fake.accepted('settings-key-0003').map((r) => r.content)).toEqual(['Hello from Settings 你好']);

    await page.goto(`${s.server.url}/#/outbox`);
    const rows = page.locator('[data-testid="outbox-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Test send');
    await expect.poll(() => rows.first().innerText()).toContain('Sent');
    const secretShown = await page.content();
    expect(secretShown).not.toContain('settings-key-0003');
    expect(problems).toEqual([]);
  }, 60_000);
});
