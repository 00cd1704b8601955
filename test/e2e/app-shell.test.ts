import { describe, expect, it } from 'vitest';
import { goToPage, newContext, openHerald } from '../helpers/browser.js';
import { startTestServer } from '../helpers/headless.js';

const PAGES: Array<[key: string, zh: string]> = [
  ['jobs', '任务'],
  ['runs', '运行记录'],
  ['outbox', '消息发件箱'],
  ['shadow', '影子模式'],
  ['campaigns', '活动'],
  ['settings', '设置'],
  ['logs', '日志'],
];

describe('the UI in a browser (headless mode)', () => {
  it('loads in Chinese and navigates through all seven pages without errors or CSP violations', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    for (const [key, title] of PAGES) {
      await goToPage(page, key);
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(title);
    }
    await expect.poll(() => page.getByTestId('app-state').textContent()).toBe('运行正常');
    expect(problems).toEqual([]);
  });

  it('switches to English from the Settings page', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByTestId('language-select').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Settings');
    await expect.poll(() => page.getByTestId('nav-logs').textContent()).toBe('Logs');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await s.call('settings.get')).language).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Settings');
    expect(problems).toEqual([]);
  });

  it('refuses the API without the token: 401, and the page says how to sign in', async () => {
    const s = await startTestServer();
    const page = await (await newContext()).newPage();
    const res = await page.request.post(`${s.server.url}/api/health`, { data: {} });
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await page.goto(s.server.url);
    await expect.poll(() => page.getByTestId('error-alert').first().textContent()).toContain('未登录');
  });
});
