import { describe, expect, it } from 'vitest';
import { startTestServer, untilRunEnded } from '../helpers/headless.js';
import { openHerald } from '../helpers/browser.js';
import { fixtureCase } from '../helpers/monitor-world.js';

describe('Jobs page for the monitoring jobs', () => {
  it("shows a run's result in words on the Jobs and Runs pages, and the SLA week per provider", async () => {
    const s = await startTestServer();
    // Yesterday's violations (the run's business date is the day before "now").
    const { runId } = await s.call('jobs.runNow', { jobId: 'sla-daily-report', input: fixtureCase('sla-02').runs[0]!.card });
    expect(await untilRunEnded(s, runId)).toMatchObject({ status: 'succeeded', summary: { key: 'monitors:summary.sla' } });
    const { page, problems } = await openHerald(s.server);
    await page.getByTestId('nav-jobs').click();
    const summary = page.getByTestId('job-last-summary-sla-daily-report');
    await expect.poll(() => summary.textContent()).toMatch(/共 3 条超时：已发出 3 条超时通知、0 条表扬、0 份周报$/);
    await expect.poll(() => page.getByTestId('sla-chart-total').textContent()).toBe('共 3 条超时工单，涉及 3 个服务商');
    await page.getByTestId('sla-chart-canvas').locator('canvas').waitFor();
    await page.getByTestId('sla-chart-prev').click();
    await page.getByTestId('sla-chart-empty').waitFor();
    await page.getByTestId('sla-chart-next').click();
    await expect.poll(() => page.getByTestId('sla-chart-total').textContent()).toBe('共 3 条超时工单，涉及 3 个服务商');

    await page.getByTestId('nav-runs').click();
    await expect.poll(() => page.locator(`tr[data-row-key="${runId}"]`).textContent()).toContain('已发出 3 条超时通知');
    expect(problems).toEqual([]);
  }, 60_000);

  it('edits a monitor\'s settings in a form; a value the job refuses is shown at its field', async () => {
    const s = await startTestServer();
    const { page, problems } = await openHerald(s.server);
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('job-edit-housekeeper-offline-broadcast').click();
    const lookback = page.getByTestId('job-setting-lookbackMinutes');
    await expect.poll(() => lookback.inputValue()).toBe('60');
    await lookback.fill('120');
    await page.getByTestId('job-setting-recipient').fill('');
    await page.getByTestId('job-edit-save').click();
    await page.locator('.ant-form-item-has-error').filter({ has: page.getByTestId('job-setting-recipient') }).getByText('settings.recipient', { exact: false }).waitFor();
    await page.getByTestId('job-setting-recipient').fill('offline-night-group');
    await page.getByTestId('job-edit-save').click();
    await expect.poll(async () => (await s.call('jobs.get', { jobId: 'housekeeper-offline-broadcast' })).settings).toEqual({ lookbackMinutes: 120, recipient: 'offline-night-group' });

    // The provider list of the SLA report, and the JSON view of the same settings.
    await page.getByTestId('job-edit-sla-daily-report').click();
    await expect.poll(() => page.getByTestId('job-setting-providers').locator('.ant-select-selection-item').count()).toBe(30);
    await page.getByTestId('job-edit-settings-json').click();
    expect(JSON.parse(await page.getByTestId('job-edit-settings').inputValue())).toMatchObject({ semantics: 'cloud-2026', fallbackRecipient: 'wecom-default' });
    expect(problems).toEqual([]);
  }, 60_000);
});
