import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/headless.js';
import { createTestTables, testJobsConfig } from '../helpers/jobs/herald.js';
import { nextNineShanghai, shanghaiNine } from '../helpers/jobs/time.js';
import { openHerald } from '../helpers/browser.js';

describe('Jobs and Runs pages', () => {
  it('shows the next run; "run now" creates a run that appears on the Runs page with its progress', async () => {
    const s = await startTestServer({ jobs: testJobsConfig({ only: ['rows', 'not-built'] }) });
    createTestTables(s.herald.db);
    await s.call('jobs.update', { jobId: 'rows', enabled: true, settings: { rows: 3, messages: 0, holdMs: 4000 } });
    const { page, problems } = await openHerald(s.server);

    await page.getByTestId('nav-jobs').click();
    await expect.poll(() => page.getByTestId('job-next-run-rows').textContent()).toBe(shanghaiNine(nextNineShanghai(Date.now())));
    expect(await page.getByTestId('job-trigger-rows').textContent()).toBe('每天 09:00');
    expect(await page.getByTestId('job-next-run-not-built').textContent()).toBe('未启用');

    await page.getByTestId('job-run-now-rows').click();
    await page.getByTestId('job-progress-rows').waitFor();
    const runId = (await s.call('runs.list', { jobId: 'rows' })).runs[0]!.id;

    await page.getByTestId('nav-runs').click();
    const progress = page.getByTestId(`run-progress-${runId}`);
    await progress.waitFor();
    await expect.poll(() => progress.textContent()).toContain('3/3');
    expect(await page.getByTestId(`run-status-${runId}`).getAttribute('data-status')).toBe('running');
    expect(await page.getByTestId('runs-count-running').textContent()).toBe('运行中 1');

    // Live: the row turns to succeeded without a reload, and the detail shows the run's log.
    await expect.poll(() => page.getByTestId(`run-status-${runId}`).getAttribute('data-status'), { timeout: 15_000 }).toBe('succeeded');
    await page.locator(`tr[data-row-key="${runId}"]`).click();
    await page.getByTestId('run-detail').waitFor();
    expect(await page.getByTestId('run-detail-status').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('run-logs').textContent()).toContain('rows written');
    expect(await page.getByTestId('run-input-ref').textContent()).toMatch(/^[0-9a-f]{16}…/);
    expect(problems).toEqual([]);
  });

  it('shows a refused trigger expression at its field', async () => {
    const s = await startTestServer({ jobs: testJobsConfig({ only: ['rows'] }) });
    const { page, problems } = await openHerald(s.server);
    await page.getByTestId('nav-jobs').click();
    await page.getByTestId('job-edit-rows').click();
    await page.getByTestId('trigger-expression-0').fill('0 25 * * *');
    await page.getByTestId('job-edit-save').click();
    const error = page.getByText('triggers.0.expression: "0 25 * * *" is not a valid cron expression', { exact: false });
    await error.waitFor();
    expect((await s.call('jobs.get', { jobId: 'rows' })).triggers[0]!.spec).toEqual({ kind: 'cron', expression: '0 9 * * *' });
    expect(problems).toEqual([]);
  });
});
