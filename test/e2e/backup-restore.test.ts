import { describe, expect, it } from 'vitest';
import { goToPage, openHerald } from '../helpers/browser.js';
import { startTestServer } from '../helpers/headless.js';

describe('backup and restore through the Settings page', () => {
  it('backs up, and restoring that backup brings the settings of that moment back, with a safety copy', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByRole('tab', { name: '备份与恢复' }).click();

    await page.getByTestId('backup-now').click();
    await expect.poll(async () => (await s.call('db.backups')).backups.filter((b) => b.name.includes('-manual')).length).toBe(1);
    const manual = (await s.call('db.backups')).backups.find((b) => b.name.includes('-manual'))!.name;
    await page.getByTestId(`restore-${manual}`).waitFor();

    // After the backup the user switches to English; the UI follows.
    await s.call('settings.set', { language: 'en' });
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Settings');

    await page.getByTestId(`restore-${manual}`).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Restore' }).click();

    // The restored database is from before the switch: Chinese again, and a safety copy was kept.
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('设置');
    expect((await s.call('settings.get')).language).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('backup-table').textContent()).toContain('-pre-restore');
    expect(problems).toEqual([]);
  });
});
