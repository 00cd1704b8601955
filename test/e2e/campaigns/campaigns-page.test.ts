import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_CARDS } from '../../../main/demo/campaigns.js';
import { startTestServer } from '../../helpers/headless.js';
import { goToPage, openHerald } from '../../helpers/browser.js';
import { waitFor } from '../../helpers/wait.js';

/** The bundled sample card of the sign broadcast, as the demo serves it (contract id → document number). */
function signBroadcastSample(): Array<{ id: string; doc: string }> {
  const cards = JSON.parse(fs.readFileSync(DEMO_CAMPAIGN_CARDS, 'utf8')) as Record<string, { columns: string[]; rows: string[][] }>;
  const card = cards['2003']!;
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7).replace('-', '');
  return card.rows.map((r) => ({ id: r[card.columns.indexOf('_id')]!, doc: r[card.columns.indexOf('contractdocNum')]!.replace('{YYYYMM}', month) }));
}

/** The housekeepers of the bundled Beijing June 2025 card (1707). */
function juneHousekeepers(): string[] {
  const cards = JSON.parse(fs.readFileSync(DEMO_CAMPAIGN_CARDS, 'utf8')) as Record<string, { columns: string[]; rows: string[][] }>;
  const card = cards['1707']!;
  return [...new Set(card.rows.map((r) => r[card.columns.indexOf('管家(serviceHousekeeper)')]!))].sort();
}

describe('Campaigns page (demo data)', () => {
  it("shows the demo sign broadcast's ledger and, for a contract, its announcement and trace", async () => {
    const s = await startTestServer({ demo: true });
    await waitFor(async () => {
      const list = await s.call('outbox.list', { filter: { jobId: 'bj-sign-broadcast', status: ['sent'] } });
      return list.items.length > 0;
    }, 'a delivered sign-broadcast announcement', 45_000);
    const sample = signBroadcastSample();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'campaigns');
    await page.getByTestId('campaign-ledger').waitFor();
    expect(await page.getByTestId('campaign-activity').innerText()).toMatch(/^BJ-SIGN-BROADCAST-\d{4}-\d{2}$/);
    const first = page.getByTestId(`ledger-row-${sample[0]!.id}`);
    await first.waitFor();
    expect(await first.innerText()).toContain(sample[0]!.doc);
    expect(await page.getByTestId('campaign-total-contracts').innerText()).toContain(String(sample.length));

    await first.locator('xpath=ancestor::tr').locator('.ant-table-row-expand-icon').click();
    const messages = page.getByTestId(`contract-messages-${(await s.call('campaigns.ledger', { variant: 'BJ-SIGN-BROADCAST' })).activityCode}:${sample[0]!.id}`);
    await messages.waitFor();
    await messages.getByText('campaign.announcement').waitFor();
    await messages.getByText('sign-broadcast-group').waitFor();
    await messages.getByRole('button').first().click();
    const content = page.getByTestId('drawer-content');
    await content.waitFor();
    expect(await content.innerText()).toContain(`恭喜 张伟 签约合同 ${sample[0]!.doc} 并完成线上收款`);
    await page.getByTestId('trace-item-enqueued').waitFor();
    await page.keyboard.press('Escape');
    await content.waitFor({ state: 'detached' });

    await page.getByTestId('ledger-filter-text').locator('input').fill(sample[1]!.doc);
    await page.getByTestId('ledger-filter-text').locator('input').press('Enter');
    await page.getByTestId(`ledger-row-${sample[0]!.id}`).waitFor({ state: 'detached' });
    await page.getByTestId(`ledger-row-${sample[1]!.id}`).waitFor();

    await page.getByTestId('campaign-tab-daily').click();
    await page.getByTestId('campaign-daily-chart').locator('canvas').waitFor();
    await page.getByTestId('campaign-export').click();
    expect(await page.getByTestId('campaign-export-path').innerText()).toMatch(/exports[\\/]BJ-SIGN-BROADCAST-\d{4}-\d{2}_\d{8}-\d{6}\.csv/);
    expect(problems).toEqual([]);
  }, 90_000);

  it('for a tiered campaign (BJ-2025-06), shows every housekeeper’s progress to the next tier and the awards', async () => {
    const s = await startTestServer({ demo: true });
    await waitFor(async () => {
      const { runs } = await s.call('runs.list', { pageSize: 50 });
      return runs.some((r) => r.jobId === 'campaign-bj-2025-06' && r.status === 'succeeded');
    }, 'the demo run of campaign-bj-2025-06', 45_000);
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'campaigns');
    await page.getByTestId('campaign-select').click();
    await page.keyboard.type('BJ-2025-06');
    await page.keyboard.press('Enter');
    await page.getByTestId('campaign-activity').filter({ hasText: 'BJ-2025-06' }).waitFor();

    await page.getByTestId('campaign-tab-progress').click();
    const progress = page.getByTestId('campaign-progress');
    await progress.waitFor();
    const housekeepers = juneHousekeepers();
    const rows = progress.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(housekeepers.length);
    const shown = (await rows.locator('td:first-child').allInnerTexts()).sort();
    expect(shown).toEqual(housekeepers);
    // Every row says what is missing to the next tier, or that none is left.
    for (const text of await rows.locator('td:last-child').allInnerTexts()) expect(text.trim()).not.toBe('');

    const overview = await s.call('campaigns.overview', { variant: 'BJ-2025-06' });
    expect(overview.awards.length).toBeGreaterThan(0);
    await page.getByTestId('campaign-tab-awards').click();
    const awards = page.getByTestId('campaign-awards');
    await awards.waitFor();
    await expect.poll(() => awards.locator('tbody tr.ant-table-row').count()).toBe(Math.min(20, overview.awards.length));
    expect(await awards.innerText()).toContain(overview.awards[0]!.name);
    expect(problems).toEqual([]);
  }, 90_000);
});
