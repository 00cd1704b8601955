import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { goToPage, openHerald } from '../../helpers/browser.js';

describe('Settings → Templates', () => {
  it('creates a scheduled template with its recipient, shows its next firing, edits it, and shows a firing’s error', async () => {
    const s = await startTestServer();
    await s.call('settings.set', { language: 'en' });
    await s.call('recipients.save', { id: 'ops', name: 'Operations', route: [{ channel: 'DRY_RUN', address: 'ops' }] });
    const failing = await s.call('templates.save', {
      name: 'New order',
      channel: null,
      contentKind: 'text',
      body: 'Order {{orderNum}} for {{customer}}',
      variables: [{ name: 'orderNum' }, { name: 'customer' }],
      kind: 'realtime',
      cron: null,
      event: 'order.created',
      keywords: [],
      recipient: 'ops',
      enabled: true,
    });
    await s.call('jobs.fireEvent', { name: 'order.created', payload: { orderNum: 'A-1' } });

    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'settings');
    await page.getByTestId('tab-templates').click();
    const table = page.getByTestId('templates-table');
    await expect.poll(() => table.getByTestId('template-last-error').innerText()).toContain('TEMPLATE_VARIABLE_MISSING');

    await page.getByTestId('template-add').click();
    const modal = page.getByTestId('template-modal');
    await modal.getByTestId('template-name').fill('Daily reminder');
    await modal.getByTestId('template-body').fill('Today is {{date}}');
    await modal.getByTestId('template-add-variable').click();
    await modal.getByPlaceholder('Variable').fill('date');
    await modal.getByText('Scheduled', { exact: true }).click();
    await modal.getByLabel('Cron expression').fill('0 9 * * *');
    await modal.getByTestId('template-recipient').click();
    await page.locator('.ant-select-item-option', { hasText: 'Operations (ops)' }).click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = table.locator('tbody tr', { hasText: 'Daily reminder' });
    await expect.poll(() => row.innerText()).toMatch(/ops[\s\S]*\d{4}-\d{2}-\d{2} 09:00/);
    const stored = (await s.call('templates.list')).templates.find((t) => t.name === 'Daily reminder')!;
    expect(stored).toMatchObject({ kind: 'scheduled', cron: '0 9 * * *', recipient: 'ops', nextRunAt: expect.any(String) });

    // Editing a listed template saves (the list's extra fields stay out of the input).
    await page.getByTestId(`template-edit-${stored.id}`).click();
    await modal.getByTestId('template-name').fill('Daily reminder 09:00');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await s.call('templates.list')).templates.map((t) => t.name)).toEqual(['Daily reminder 09:00', 'New order']);
    expect((await s.call('templates.list')).templates.find((t) => t.id === failing.id)!.lastFiring).toMatchObject({ kind: 'event', messageId: null, error: { code: 'TEMPLATE_VARIABLE_MISSING' } });
    expect(problems).toEqual([]);
  }, 60_000);
});
