import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { goToPage, openHerald } from '../../helpers/browser.js';
import { startShadowServer } from '../../helpers/shadow/server.js';

const SH = 'campaign-sh-2025-09';

async function openSettings(page: Page) {
  await page.getByTestId(`settings-${SH}`).click();
  const modal = page.getByTestId('shadow-settings');
  // The form is open and filled once the job's settings have arrived.
  await expectValue(page, 'shadow-setting-maxTimeRatio', /\d/);
  return modal;
}

async function expectValue(page: Page, testId: string, value: RegExp) {
  await expect.poll(() => page.getByTestId(testId).inputValue()).toMatch(value);
}

describe('Shadow settings form', () => {
  it('changes a threshold, saves it, and the job keeps it (the rest of its settings untouched)', async () => {
    const s = await startShadowServer();
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'shadow');
    await openSettings(page);
    expect(await page.getByTestId('shadow-setting-maxTimeRatio').inputValue()).toBe('1.2');
    expect(await page.getByTestId('shadow-setting-maxErrorRate').inputValue()).toBe('1');
    await page.getByTestId('shadow-setting-maxTimeRatio').fill('1.3');
    await page.getByTestId('shadow-setting-triggerErrorRate').fill('2.5');
    await page.getByTestId('shadow-settings-save').click();
    await page.getByTestId('shadow-settings').waitFor({ state: 'detached' });

    const { config } = await s.call('shadow.settings', { jobId: SH });
    expect(config.thresholds).toEqual({ maxTimeRatio: 1.3, maxMemoryRatio: 1.5, maxErrorRate: 0.01, minConsistency: 1, minNotificationSuccess: 0.95 });
    expect(config.triggers).toEqual({ errorRate: 0.025, notificationFailure: 0.05, timeRatio: 1.5, inconsistency: true });
    expect(config.diff.fields).toBeUndefined();
    expect(config.externalCommands).toEqual({});

    await page.reload();
    await openSettings(page);
    expect(await page.getByTestId('shadow-setting-maxTimeRatio').inputValue()).toBe('1.3');
    expect(await page.getByTestId('shadow-setting-triggerErrorRate').inputValue()).toBe('2.5');
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows what is wrong, at the field, and saves nothing until it is right', async () => {
    const s = await startShadowServer();
    const before = (await s.call('shadow.settings', { jobId: SH })).config;
    const { page, problems } = await openHerald(s.server);
    await goToPage(page, 'shadow');
    const modal = await openSettings(page);
    const errors = modal.locator('.ant-form-item-explain-error');

    // An emptied threshold: the form says so and sends nothing.
    await page.getByTestId('shadow-setting-maxTimeRatio').fill('');
    await page.getByTestId('shadow-settings-save').click();
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    await page.getByTestId('shadow-setting-maxTimeRatio').fill('1.2');

    // An external command under the name of one of Herald's own pipelines: the server refuses it,
    // and the form shows the server's sentence under the command's name.
    await page.getByTestId('shadow-command-add').click();
    await page.getByTestId('shadow-command-id-0').fill('v1-db');
    await page.getByTestId('shadow-command-command-0').fill('python');
    await page.getByTestId('shadow-settings-save').click();
    await errors.filter({ hasText: "v1-db is already one of Herald's own pipelines" }).waitFor();

    // Two commands under one name: refused in the form.
    await page.getByTestId('shadow-command-id-0').fill('v1');
    await page.getByTestId('shadow-command-add').click();
    await page.getByTestId('shadow-command-id-1').fill('v1');
    await page.getByTestId('shadow-command-command-1').fill('python');
    await page.getByTestId('shadow-settings-save').click();
    await errors.filter({ hasText: '已有名为「v1」的外部命令' }).first().waitFor();
    expect((await s.call('shadow.settings', { jobId: SH })).config).toEqual(before);

    // Fixed: the command is saved and becomes one of the job's pipelines.
    await page.getByTestId('shadow-command-remove-1').click();
    await page.getByTestId('shadow-settings-save').click();
    await page.getByTestId('shadow-settings').waitFor({ state: 'detached' });
    const after = (await s.call('shadow.settings', { jobId: SH })).config;
    expect(after.externalCommands).toEqual({ v1: { command: 'python', args: ['{input}', '{scheduledAt}'], env: {}, timeoutMs: 600_000, keyField: '合同ID(_id)', batches: 'last' } });
    expect({ ...after, externalCommands: {} }).toEqual(before);
    expect((await s.call('shadow.jobs')).jobs.find((j) => j.jobId === SH)!.pipelines).toContain('v1');
    expect(problems).toEqual([]);
  }, 60_000);
});
