import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/headless.js';
import { businessRows, createTestTables, testJobsConfig } from '../helpers/jobs/herald.js';
import { nextNineShanghai, shanghaiNine } from '../helpers/jobs/time.js';
import { openHerald } from '../helpers/browser.js';

describe('controlling jobs from the Jobs page', () => {
  it('enables, pauses and resumes one job and all jobs, fires an event whose payload becomes the run’s input (its last run shown), and edits a trigger', async () => {
    const s = await startTestServer({ jobs: testJobsConfig({ only: ['rows', 'on-event'] }) });
    createTestTables(s.herald.db);
    const job = async (jobId: string) => s.call('jobs.get', { jobId });
    const { page, problems } = await openHerald(s.server);
    await page.getByTestId('nav-jobs').click();

    // Enable: stored, and the next run appears without a reload.
    await page.getByTestId('job-enable-rows').click();
    await expect.poll(async () => (await job('rows')).enabled).toBe(true);
    await expect.poll(() => page.getByTestId('job-next-run-rows').textContent()).toBe(shanghaiNine(nextNineShanghai(Date.now())));

    // Pause one job: no next run, the button turns to resume; resume brings the next run back.
    await page.getByTestId('job-pause-rows').click();
    await page.getByTestId('job-resume-rows').waitFor();
    expect(await job('rows')).toMatchObject({ paused: true, nextRunAt: null });
    expect(await page.getByTestId('job-next-run-rows').textContent()).not.toMatch(/\d{2}:\d{2}/);
    await page.getByTestId('job-resume-rows').click();
    await page.getByTestId('job-pause-rows').waitFor();
    expect((await job('rows')).paused).toBe(false);
    await expect.poll(() => page.getByTestId('job-next-run-rows').textContent()).toBe(shanghaiNine(nextNineShanghai(Date.now())));

    // Pause all (after a confirmation), then resume all.
    await page.getByTestId('jobs-pause-all').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('jobs-resume-all').waitFor();
    expect((await s.call('jobs.list')).pausedAll).toBe(true);
    expect((await s.call('status.get')).state).toBe('paused');
    await page.getByTestId('jobs-resume-all').click();
    await page.getByTestId('jobs-pause-all').waitFor();
    expect((await s.call('jobs.list')).pausedAll).toBe(false);

    // The event button: the payload typed in the dialog is the input of the listening job's run.
    await page.getByTestId('job-enable-on-event').click();
    await expect.poll(async () => (await job('on-event')).enabled).toBe(true);
    await page.getByTestId('job-fire-on-event').click();
    await page.locator('.ant-modal textarea').fill('{"values": [7, 8]}');
    await page.getByTestId('fire-event-ok').click();
    await expect.poll(async () => (await s.call('runs.list', { jobId: 'on-event' })).runs.map((r) => [r.triggerKind, r.status])).toEqual([['event', 'succeeded']]);
    const [run] = (await s.call('runs.list', { jobId: 'on-event' })).runs;
    expect(businessRows(s.herald.db, run!.id).map((r) => r.value)).toEqual([7, 8]);
    // The job's row shows the last run's status, live.
    await expect.poll(() => page.getByTestId('job-last-status-on-event').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('job-last-summary-on-event').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    // …and its duration (the run took well under a minute).
    expect(await page.locator('tr[data-row-key="on-event"]').textContent()).toMatch(/\d(\.\d)? m?s/);

    // Edit the trigger: stored, shown in words, and the next run follows it.
    await page.getByTestId('job-edit-rows').click();
    await page.getByTestId('trigger-expression-0').fill('30 8 * * 1');
    await page.getByTestId('job-edit-save').click();
    await expect.poll(async () => (await job('rows')).triggers.map((t) => t.spec)).toEqual([{ kind: 'cron', expression: '30 8 * * 1' }]);
    await expect.poll(() => page.getByTestId('job-trigger-rows').textContent()).toMatch(/08:30/);
    expect(new Date((await job('rows')).nextRunAt!).toLocaleString('en-GB', { timeZone: 'Asia/Shanghai', weekday: 'long', hour: '2-digit', minute: '2-digit' })).toBe('Monday 08:30');

    // Disable again: stored, and no next run.
    await page.getByTestId('job-enable-rows').click();
    await expect.poll(async () => (await job('rows')).enabled).toBe(false);
    expect((await job('rows')).nextRunAt).toBeNull();
    expect(problems).toEqual([]);
  });
});
