import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { startTestServer, untilRunEnded } from '../helpers/headless.js';
import { businessRows, createTestTables, testJobsConfig } from '../helpers/jobs/herald.js';
import { openHerald } from '../helpers/browser.js';

const visibleRunIds = async (page: Page) =>
  (await page.locator('[data-testid="runs-table"] tr[data-row-key]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-key'))))).sort((a, b) => a - b);

describe('Runs page', () => {
  it('filters by status and job, shows a failed run’s error and a run’s counts, reruns and cancels', async () => {
    const s = await startTestServer({ jobs: testJobsConfig({ only: ['rows', 'rows-2', 'not-built'] }) });
    createTestTables(s.herald.db);
    const ok = await s.call('jobs.runNow', { jobId: 'rows', input: { values: [4, 5, 6] } });
    const bad = await s.call('jobs.runNow', { jobId: 'not-built' });
    const other = await s.call('jobs.runNow', { jobId: 'rows-2', input: { values: [1] } });
    for (const r of [ok, bad, other]) await untilRunEnded(s, r.runId);
    const { page, problems } = await openHerald(s.server);

    // Status filter: only the failed run; its detail shows the error a person reads.
    await page.getByTestId('nav-runs').click();
    await expect.poll(() => visibleRunIds(page)).toEqual([ok.runId, bad.runId, other.runId]);
    await page.getByTestId('runs-count-failed').click();
    await expect.poll(() => visibleRunIds(page)).toEqual([bad.runId]);
    await page.locator(`tr[data-row-key="${bad.runId}"]`).click();
    await page.getByTestId('run-detail').waitFor();
    expect(await page.getByTestId('run-error').textContent()).toContain('is not built yet');
    expect(await page.getByTestId('run-rerun').isDisabled()).toBe(true);
    expect(await page.getByTestId('run-cancel').isDisabled()).toBe(true);

    // Filters combine: the failed filter off, the job filter (a link to the job's runs) on.
    await page.keyboard.press('Escape');
    await page.getByTestId('runs-count-failed').click();
    await expect.poll(() => visibleRunIds(page)).toEqual([ok.runId, bad.runId, other.runId]);
    await page.goto(`${new URL(page.url()).origin}/#/runs?job=rows`);
    await expect.poll(() => visibleRunIds(page)).toEqual([ok.runId]);
    await page.locator(`tr[data-row-key="${ok.runId}"]`).click();
    await page.getByTestId('run-detail').waitFor();
    expect(await page.getByTestId('run-counts').textContent()).toContain('3');

    // Rerun: a new run of the same job with the same input and scheduled time appears live.
    await page.getByTestId('run-rerun').click();
    await expect.poll(async () => (await s.call('runs.list', { jobId: 'rows' })).total).toBe(2);
    const rerun = (await s.call('runs.list', { jobId: 'rows' })).runs[0]!;
    const ended = await untilRunEnded(s, rerun.id);
    const original = await s.call('runs.get', { runId: ok.runId });
    expect(ended).toMatchObject({ status: 'succeeded', triggerKind: 'rerun', rerunOf: ok.runId, inputRef: original.inputRef, scheduledAt: original.scheduledAt });
    expect(businessRows(s.herald.db, rerun.id).map((r) => r.value)).toEqual([4, 5, 6]);
    await page.keyboard.press('Escape');
    await expect.poll(() => visibleRunIds(page)).toEqual([ok.runId, rerun.id]);

    // Cancel a run in progress from its detail: it ends cancelled and wrote nothing.
    await s.call('jobs.update', { jobId: 'rows', settings: { holdMs: 20_000 } });
    const slow = await s.call('jobs.runNow', { jobId: 'rows', input: { values: [9] } });
    await expect.poll(() => page.getByTestId(`run-status-${slow.runId}`).getAttribute('data-status')).toBe('running');
    await page.locator(`tr[data-row-key="${slow.runId}"]`).click();
    await expect.poll(() => page.getByTestId('run-cancel').isEnabled()).toBe(true);
    await page.getByTestId('run-cancel').click();
    expect((await untilRunEnded(s, slow.runId)).status).toBe('cancelled');
    await expect.poll(() => page.getByTestId(`run-status-${slow.runId}`).getAttribute('data-status')).toBe('cancelled');
    expect(businessRows(s.herald.db, slow.runId)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
