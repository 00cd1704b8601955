import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { waitFor } from '../../helpers/wait.js';
import { startFakeWecom } from '../../helpers/fake-wecom.js';
import { goToPage, openHerald } from '../../helpers/browser.js';


describe('Outbox page', () => {
  it('filters messages, shows a dead message\'s trace, and retries it from the drawer', async () => {
    const fake = await startFakeWecom();
    const s = await startTestServer();
    await s.call('settings.set', { language: 'en' });
    await s.call('channels.update', { type: 'GROUP_BOT', settings: { baseUrl: fake.robotUrl } });
    await s.call('recipients.save', { id: 'bj-ops-group', route: [{ channel: 'GROUP_BOT', address: 'ui-key-good-0001' }] });
    await s.call('recipients.save', { id: 'provider:上海', route: [{ channel: 'GROUP_BOT', address: 'ui-key-flaky-0002' }] });
    fake.plan('ui-key-flaky-0002', [{ errcode: 93000 }]);
    const ok1 = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: '签约喜报 alpha' })).id;
    const ok2 = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: '签约喜报 beta' })).id;
    const dead = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'provider:上海', text: '待预约工单提醒 gamma' })).id;
    await waitFor(async () => (await s.call('outbox.stats')).statusCounts.sent === 2 && (await s.call('outbox.get', { id: dead })).message.status === 'dead', 'the messages to settle');

    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'outbox');
    const rows = page.locator('[data-testid="outbox-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.getByTestId('count-sent').innerText()).toContain('2');
    await expect.poll(() => page.getByTestId('count-dead').innerText()).toContain('1');

    // Text search, then a status filter from the counts.
    await page.getByTestId('filter-text').locator('input').fill('beta');
    await page.getByTestId('filter-text').locator('input').press('Enter');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().getAttribute('data-row-key')).toBe(ok2);
    await page.getByTestId('filter-text').locator('input').fill('');
    await page.getByTestId('filter-text').locator('input').press('Enter');
    await page.getByTestId('count-dead').click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().getAttribute('data-row-key')).toBe(dead);
    expect(await page.getByTestId('channel-figures').innerText()).toContain('66.7%');

    // The drawer: content, trace with the WeCom answer, then a retry.
    await rows.first().click();
    const drawer = page.getByTestId('message-drawer');
    await expect.poll(() => drawer.getByTestId('drawer-content').innerText()).toBe('待预约工单提醒 gamma');
    const kinds = async () => drawer.locator('[data-testid^="trace-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    await expect.poll(kinds).toEqual(['trace-item-enqueued', 'trace-item-sending', 'trace-item-attempt-failed', 'trace-item-dead']);
    expect(await drawer.getByTestId('trace-item-attempt-failed').innerText()).toContain('WECOM_93000');
    await drawer.getByTestId('action-retry').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(kinds, { timeout: 10_000 }).toEqual(['trace-item-enqueued', 'trace-item-sending', 'trace-item-attempt-failed', 'trace-item-dead', 'trace-item-manual-retry', 'trace-item-sending', 'trace-item-sent']);
    await expect.poll(() => drawer.getByTestId('drawer-status').innerText()).toBe('Sent');
    expect(fake.accepted('ui-key-flaky-0002').map((r) => r.content)).toEqual(['待预约工单提醒 gamma']);
    expect(ok1).toMatch(/^MSG\d{20}$/);
    expect(problems).toEqual([]);
  }, 60_000);
});
