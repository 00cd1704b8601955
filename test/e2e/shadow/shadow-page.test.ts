import { describe, expect, it } from 'vitest';
import { goToPage, openHerald, type HeraldPage } from '../../helpers/browser.js';
import { getModeForRun, modeHistory } from '../../../main/shadow/modes.js';
import { runScenario, startShadowServer, switchMode } from '../../helpers/shadow/server.js';

const SH = 'campaign-sh-2025-09';

async function openShadow(server: { loginUrl: string }): Promise<HeraldPage> {
  const opened = await openHerald(server);
  await goToPage(opened.page, 'shadow');
  await opened.page.getByTestId(`plan-row-${SH}`).click();
  return opened;
}

describe('Shadow page', () => {
  it('the diff viewer shows a known difference of a real shadow run (v1-ledger vs v1-db)', async () => {
    const s = await startShadowServer();
    await switchMode(s, SH, 'shadow');
    await runScenario(s, SH, 'sh_scenario_A.json');
    const { runs } = await s.call('shadow.runs', { jobId: SH });
    const { page, problems } = await openShadow(s.server);
    await page.getByTestId(`view-diff-${runs[0]!.id}`).click();
    // Spec §3.10: a self-referral's remark is 继续加油… in the ledger era and 无 in the database era.
    const remark = page.getByTestId('diff-field-C102-备注');
    await remark.waitFor();
    expect(await remark.getAttribute('data-differs')).toBe('true');
    expect(await remark.innerText()).toMatch(/继续加油，争取更多奖励\s+无/);
    expect(await page.getByTestId('diff-field-C102-合同金额(adjustRefundMoney)').getAttribute('data-differs')).toBe('false');
    expect(problems).toEqual([]);
  }, 60_000);

  it('the mode switch, confirmed with a reason, changes the mode the next run takes, and the run records it', async () => {
    const s = await startShadowServer();
    const { page, problems } = await openShadow(s.server);
    await page.getByTestId(`switch-${SH}`).click();
    await page.locator('label:has([data-testid="mode-option-shadow"])').click();
    await page.getByRole('button', { name: '确认切换' }).click();
    await page.getByText('请填写原因').waitFor();
    expect(getModeForRun(s.herald.db, s.herald.clock, SH).mode).toBe('control');
    await page.getByTestId('mode-switch').getByRole('combobox').nth(1).click();
    await page.getByTitle('v1-db', { exact: true }).click();
    await page.getByTestId('mode-switch-reason').fill('九月数据库版开始影子运行');
    await page.getByRole('button', { name: '确认切换' }).click();
    await page.getByTestId(`mode-${SH}`).filter({ hasText: '影子' }).waitFor();
    expect(modeHistory(s.herald.db, SH)[0]).toMatchObject({ toMode: 'shadow', toCandidate: 'v1-db', actor: 'ui', reason: '九月数据库版开始影子运行' });
    await page.getByTestId('shadow-history').getByText('九月数据库版开始影子运行').waitFor();

    const run = await runScenario(s, SH, 'sh_scenario_A.json');
    expect(run).toMatchObject({ status: 'succeeded', mode: 'shadow', pipeline: 'v1-ledger' });
    await goToPage(page, 'runs');
    const tag = page.getByTestId(`run-mode-${run.id}`);
    await tag.waitFor();
    expect(await tag.getAttribute('data-mode')).toBe('shadow');
    expect(await tag.innerText()).toBe('影子');
    expect(problems).toEqual([]);
  }, 60_000);
});
