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
});
