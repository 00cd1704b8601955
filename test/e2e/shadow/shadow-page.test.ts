import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { goToPage, openHerald, type HeraldPage } from '../../helpers/browser.js';
import { DEMO_JOB, seedShadowDemo } from '../../../main/shadow/demo.js';
import { getModeForRun, modeHistory } from '../../../main/shadow/modes.js';

async function openShadow(server: { loginUrl: string }): Promise<HeraldPage> {
  const opened = await openHerald(server);
  await goToPage(opened.page, 'shadow');
  return opened;
}

describe('Shadow page', () => {
  it('the diff viewer shows a known difference: the record field and the message line', async () => {
    const s = await startTestServer();
    const runs = seedShadowDemo(s.herald.db, s.herald.clock);
    const newest = runs.at(-1)!;
    const { page, problems } = await openShadow(s.server);
    await page.getByTestId(`view-diff-${newest.id}`).click();
    const row = page.getByTestId('diff-field-C302-管家累计业绩金额');
    await row.waitFor();
    expect(await row.getAttribute('data-differs')).toBe('true');
    expect(await row.innerText()).toMatch(/60000\s+40000/);
    expect(await page.getByTestId('diff-field-C302-合同金额(adjustRefundMoney)').getAttribute('data-differs')).toBe('false');
    await page.getByRole('tab', { name: /消息/ }).click();
    const deleted = page.getByTestId('msg-line-delete');
    await deleted.first().waitFor();
    expect(await deleted.allInnerTexts()).toEqual(['👊 距离达成节节高奖励条件还需 9 单。']);
    expect(problems).toEqual([]);
  });

  it('the mode switch, confirmed with a reason, changes the mode the next run takes', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const { page, problems } = await openShadow(s.server);
    await page.getByTestId(`switch-${DEMO_JOB}`).click();
    await page.locator('label:has([data-testid="mode-option-control"])').click();
    await page.getByRole('button', { name: '确认切换' }).click();
    await page.getByText('请填写原因').waitFor();
    expect(getModeForRun(s.herald.db, s.herald.clock, DEMO_JOB).mode).toBe('shadow');
    await page.getByTestId('mode-switch-reason').fill('差异待查，先回到对照');
    await page.getByRole('button', { name: '确认切换' }).click();
    await page.getByTestId(`mode-${DEMO_JOB}`).filter({ hasText: '对照' }).waitFor();
    expect(getModeForRun(s.herald.db, s.herald.clock, DEMO_JOB).mode).toBe('control');
    expect(modeHistory(s.herald.db, DEMO_JOB)[0]).toMatchObject({ toMode: 'control', actor: 'ui', reason: '差异待查，先回到对照' });
    await page.getByTestId('shadow-history').getByText('差异待查，先回到对照').waitFor();
    expect(problems).toEqual([]);
  });
});
