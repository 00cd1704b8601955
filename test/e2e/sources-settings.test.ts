import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { startTestServer } from '../helpers/headless.js';
import { goToPage, openHerald } from '../helpers/browser.js';
import { startFakeMetabase, type FakeMetabase } from '../../main/demo/fake-metabase.js';
import { readFixtureJson } from '../helpers/fixtures.js';

const fakes: FakeMetabase[] = [];

async function open(loginUrl: string): Promise<{ page: Page; errors: string[] }> {
  const { page, problems } = await openHerald({ loginUrl });
  await goToPage(page, 'settings');
  await page.getByRole('tab', { name: '数据源' }).click();
  return { page, errors: problems };
}

afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close();
});

describe('Settings → Data sources', () => {
  it('saves the Metabase account with the password hidden and tests the connection against the fake server', async () => {
    const mb = await startFakeMetabase({ username: 'herald@office.example', password: 'UI-Pa55word!', cards: { 1514: readFixtureJson('monitors', 'sla-02', 'run-1.json') } });
    fakes.push(mb);
    const s = await startTestServer();
    const { page, errors } = await open(s.server.loginUrl);

    await page.getByTestId('sources-url').fill(`${mb.url}/question/1514`);
    await page.getByTestId('sources-username').fill('herald@office.example');
    await page.getByTestId('sources-password').fill('UI-Pa55word!');
    await page.getByTestId('sources-save').click();
    await expect.poll(async () => (await s.call('sources.get')).passwordSet).toBe(true);
    expect(await s.call('sources.get')).toMatchObject({ url: mb.url, username: 'herald@office.example' });
    // The stored password is never sent back to the page: the field is empty, its placeholder masked.
    await expect.poll(() => page.getByTestId('sources-url').inputValue()).toBe(mb.url);
    expect(await page.getByTestId('sources-password').inputValue()).toBe('');
    expect(await page.getByTestId('sources-password').getAttribute('placeholder')).toBe('********');

    await page.getByTestId('sources-test').click();
    const result = page.getByTestId('sources-test-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(`连接成功：卡片 1514 返回 3 行、13 列（${mb.url}）`);
    expect(mb.requests.map((r) => r.kind)).toEqual(['login', 'query']);

    // A wrong password typed into the form is tried without being saved, and the error is shown.
    await page.getByTestId('sources-password').fill('wrong-one');
    await page.getByTestId('sources-test').click();
    await expect.poll(() => result.textContent()).toContain('登录失败');
    expect(await page.getByTestId('sources-test-error').textContent()).toContain('refused the login of user "herald@office.example"');
    expect(await s.call('sources.test', {})).toMatchObject({ ok: true });

    // An unreachable server, with the card id chosen in the form.
    await page.getByTestId('sources-url').fill('http://127.0.0.1:9');
    await page.getByTestId('sources-test-card').fill('2003');
    await page.getByTestId('sources-test').click();
    await expect.poll(() => result.textContent()).toContain('无法连接 Metabase 服务器');
    expect(await page.getByTestId('sources-test-error').textContent()).toBe('Cannot reach Metabase at http://127.0.0.1:9 to log in (connection refused).');
    expect(errors).toEqual([]);
  });

  it('changes and resets the card of a job', async () => {
    const s = await startTestServer();
    const { page, errors } = await open(s.server.loginUrl);
    const input = page.getByTestId('card-input-sla-daily-report');
    await expect.poll(() => input.inputValue()).toBe('1514');
    await input.fill('1600');
    await page.getByTestId('card-save-sla-daily-report').click();
    await expect.poll(async () => (await s.call('sources.cards.list')).cards.find((c) => c.key === 'sla-daily-report')?.cardId).toBe(1600);
    await page.getByTestId('card-reset-sla-daily-report').click();
    await expect.poll(() => input.inputValue()).toBe('1514');
    expect((await s.call('sources.cards.list')).cards.find((c) => c.key === 'sla-daily-report')).toMatchObject({ cardId: 1514, custom: false });
    expect(errors).toEqual([]);
  });
});
